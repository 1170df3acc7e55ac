"""Signing a laptop in to the office: username and password once, a device token from then on."""

from __future__ import annotations

import platform
import uuid
from dataclasses import dataclass

import requests

from fieldtech import __version__
from sync.client.errors import SyncState, TransportError


@dataclass(frozen=True)
class SignedIn:
    token: str
    device_id: uuid.UUID
    technician_id: uuid.UUID | None
    display_name: str


def sign_in(
    server: str, username: str, password: str, device_id: uuid.UUID, *, timeout: float = 20.0
) -> SignedIn:
    """Ask the office for a device token; failures come back as TransportError in plain words."""
    url = server.rstrip("/") + "/api/v1/devices/signin"
    body = {
        "username": username,
        "password": password,
        "device_id": str(device_id),
        "device_name": platform.node() or "laptop",
        "app_version": __version__,
    }
    try:
        response = requests.post(url, json=body, timeout=timeout)
    except requests.RequestException as failure:
        raise TransportError(
            SyncState.UNREACHABLE,
            f"the office at {server} cannot be reached ({type(failure).__name__}); "
            "check the address and the network, then try again",
        ) from None
    if response.status_code in (401, 403, 429):
        try:
            detail = response.json().get("detail", "")
        except ValueError:
            detail = response.text[:200]
        state = SyncState.REVOKED if "revoked" in str(detail) else SyncState.SIGNED_OUT
        raise TransportError(state, f"sign-in refused: {detail}")
    if response.status_code >= 400:
        raise TransportError(
            SyncState.SERVER_ERROR,
            f"sign-in failed: the office answered HTTP {response.status_code}",
        )
    answer = response.json()
    user = answer.get("user", {})
    technician = user.get("technician_id")
    return SignedIn(
        token=answer["token"],
        device_id=uuid.UUID(answer["device_id"]),
        technician_id=uuid.UUID(technician) if technician else None,
        display_name=user.get("display_name") or user.get("username", username),
    )

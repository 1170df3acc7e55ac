"""Devices: sign-in for a hashed token, the office's list, revocation and wipe requests."""

from __future__ import annotations

import hashlib
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from sync.server.models import Device, Role
from tests.sync.server.conftest import PASSWORD, AddUser, sign_in_device


def test_device_token_stored_only_as_sha256(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    token = sign_in_device(client, "tech1")["Authorization"].removeprefix("Bearer ")
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        stored = session.scalars(select(Device.token_hash)).one()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored


def test_office_lists_devices_with_report(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    add_user("office1")
    tech = sign_in_device(client, "tech1", name="Li's laptop")
    report = {"app_version": "1.2.0", "pending_changes": 7}
    assert client.post("/api/v1/devices/me/report", json=report, headers=tech).status_code == 200
    office = sign_in_device(client, "office1")
    devices = {d["name"]: d for d in client.get("/api/v1/devices", headers=office).json()}
    laptop = devices["Li's laptop"]
    assert (laptop["username"], laptop["app_version"], laptop["pending_changes"]) == (
        "tech1",
        "1.2.0",
        7,
    )
    assert laptop["last_seen_at"] is not None


def test_revoked_token_refused_401_on_next_request(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    add_user("office1")
    device_id = uuid.uuid4()
    tech = sign_in_device(client, "tech1", device_id=device_id)
    assert client.get("/api/v1/devices/me", headers=tech).status_code == 200
    office = sign_in_device(client, "office1")
    revoked = client.post(f"/api/v1/devices/{device_id}/revoke", headers=office)
    assert revoked.json()["revoked_at"] is not None
    refused = client.get("/api/v1/devices/me", headers=tech)
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]
    assert "X-Device-Wipe" not in refused.headers


def test_wipe_request_refuses_token_and_tells_device_to_wipe(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    add_user("office1")
    device_id = uuid.uuid4()
    tech = sign_in_device(client, "tech1", device_id=device_id)
    office = sign_in_device(client, "office1")
    assert client.post(f"/api/v1/devices/{device_id}/wipe", headers=office).status_code == 200
    refused = client.get("/api/v1/me", headers=tech)
    assert refused.status_code == 401
    assert refused.headers["X-Device-Wipe"] == "1"


def test_revoked_device_signing_in_again_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    add_user("office1")
    device_id = uuid.uuid4()
    sign_in_device(client, "tech1", device_id=device_id)
    office = sign_in_device(client, "office1")
    client.post(f"/api/v1/devices/{device_id}/revoke", headers=office)
    body = {
        "username": "tech1",
        "password": PASSWORD,
        "device_id": str(device_id),
        "device_name": "laptop",
    }
    response = client.post("/api/v1/devices/signin", json=body)
    assert response.status_code == 403
    assert "device_id" in response.json()["detail"]


def test_second_sign_in_replaces_previous_token(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    device_id = uuid.uuid4()
    first = sign_in_device(client, "tech1", device_id=device_id)
    second = sign_in_device(client, "tech1", device_id=device_id)
    assert client.get("/api/v1/me", headers=first).status_code == 401
    assert client.get("/api/v1/me", headers=second).status_code == 200


def test_unknown_token_refused_401(client: TestClient) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_revoke_unknown_device_answers_404(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    office = sign_in_device(client, "office1")
    response = client.post(f"/api/v1/devices/{uuid.uuid4()}/revoke", headers=office)
    assert response.status_code == 404


def test_revoke_and_wipe_are_audited(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    add_user("office1")
    device_id = uuid.uuid4()
    sign_in_device(client, "tech1", device_id=device_id)
    office = sign_in_device(client, "office1")
    client.post(f"/api/v1/devices/{device_id}/revoke", headers=office)
    client.post(f"/api/v1/devices/{device_id}/wipe", headers=office)
    from sync.server.audit import history

    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        actions = [(e.action, e.username) for e in history(session, "device", device_id)]
    assert actions == [
        ("device.sign_in", "tech1"),
        ("device.revoke", "office1"),
        ("device.wipe", "office1"),
    ]

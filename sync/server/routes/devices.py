"""Devices: a laptop signs in for a token; the office lists, revokes and asks for a wipe."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy import select

from fieldtech.models import utcnow
from sync.server import audit
from sync.server.auth import Principal, authenticate, client_ip
from sync.server.deps import CurrentUser, OfficeUser, SessionDep, SettingsDep
from sync.server.models import Device, User
from sync.server.schemas.people import (
    DevicePublic,
    DeviceReport,
    DeviceSignIn,
    DeviceStatus,
    DeviceToken,
    UserPublic,
)
from sync.server.security import new_token, token_hash

router = APIRouter(prefix="/devices", tags=["devices"])


def _public(device: Device) -> DevicePublic:
    return DevicePublic.model_validate(
        {
            **{c: getattr(device, c) for c in DevicePublic.model_fields if c != "username"},
            "username": device.user.username,
        }
    )


@router.post("/signin", response_model=DeviceToken, status_code=status.HTTP_201_CREATED)
def sign_in(
    body: DeviceSignIn, request: Request, session: SessionDep, settings: SettingsDep
) -> DeviceToken:
    """Issues a new token for the device; a token issued before for the same device stops working."""
    ip = client_ip(request)
    user = authenticate(session, settings, body.username, body.password, ip)
    device = session.get(Device, body.device_id)
    if device is not None and device.revoked_at is not None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="device_id: this device was revoked; the office must remove it first",
        )
    token = new_token()
    if device is None:
        device = Device(id=body.device_id, user_id=user.id, token_hash=token_hash(token))
        session.add(device)
    device.user_id = user.id
    device.token_hash = token_hash(token)
    device.name = body.device_name
    device.app_version = body.app_version
    device.last_seen_at = utcnow()
    device.last_ip = ip
    session.flush()
    session.refresh(device)
    who = Principal(user, device, None, ip, request.headers.get("user-agent", ""))
    audit.record(
        session,
        who,
        "device.sign_in",
        "device",
        device.id,
        {"name": device.name, "app_version": device.app_version},
    )
    session.commit()
    return DeviceToken(token=token, device_id=device.id, user=UserPublic.model_validate(user))


@router.get("", response_model=list[DevicePublic])
def list_devices(_who: OfficeUser, session: SessionDep) -> list[DevicePublic]:
    devices = session.scalars(select(Device).join(User).order_by(User.username, Device.name))
    return [_public(device) for device in devices]


@router.get("/me", response_model=DeviceStatus)
def my_status(who: CurrentUser) -> DeviceStatus:
    device = _own_device(who)
    return DeviceStatus(device_id=device.id, revoked=False, wipe_requested=False)


@router.post("/me/report", response_model=DeviceStatus)
def report(body: DeviceReport, who: CurrentUser, session: SessionDep) -> DeviceStatus:
    """A laptop reports its app version and unsent changes; not audited (it is not an edit)."""
    device = session.get_one(Device, _own_device(who).id)
    device.app_version = body.app_version
    device.pending_changes = body.pending_changes
    device.last_seen_at = utcnow()
    session.commit()
    return DeviceStatus(device_id=device.id, revoked=False, wipe_requested=False)


@router.post("/{device_id}/revoke", response_model=DevicePublic)
def revoke(device_id: uuid.UUID, who: OfficeUser, session: SessionDep) -> DevicePublic:
    device = _get(session, device_id)
    if device.revoked_at is None:
        device.revoked_at = utcnow()
        audit.record(session, who, "device.revoke", "device", device.id)
        session.commit()
    return _public(device)


@router.post("/{device_id}/wipe", response_model=DevicePublic)
def request_wipe(device_id: uuid.UUID, who: OfficeUser, session: SessionDep) -> DevicePublic:
    """Revokes the device too: its next request is refused and told to wipe its local data."""
    device = _get(session, device_id)
    now = utcnow()
    if device.wipe_requested_at is None:
        device.wipe_requested_at = now
        device.revoked_at = device.revoked_at or now
        audit.record(session, who, "device.wipe", "device", device.id)
        session.commit()
    return _public(device)


def _get(session: SessionDep, device_id: uuid.UUID) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="device_id: no such device")
    return device


def _own_device(who: Principal) -> Device:
    if who.device is None:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, detail="this needs a device token, not a browser session"
        )
    return who.device

"""Users, sign-in, browser sessions and devices as the API shows and accepts them."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from sync.server.models import Role
from sync.server.schemas.common import StrictModel


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    technician_id: uuid.UUID | None
    language: str
    active: bool


class UserCreate(StrictModel):
    username: str = Field(min_length=2, max_length=64)
    password: str = Field(min_length=8, max_length=200)
    role: Role
    display_name: str = Field(default="", max_length=200)
    language: str = Field(default="en", pattern=r"^(en|zh_CN)$")


class UserSettings(StrictModel):
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    language: str | None = Field(default=None, pattern=r"^(en|zh_CN)$")


class Credentials(StrictModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)


class BrowserSessionPublic(BaseModel):
    """The CSRF token goes in the X-CSRF-Token header (or a form's csrf_token) of every write."""

    user: UserPublic
    csrf_token: str
    expires_at: dt.datetime


class DeviceSignIn(StrictModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)
    device_id: uuid.UUID
    device_name: str = Field(min_length=1, max_length=200)
    app_version: str = Field(default="", max_length=64)


class DeviceToken(BaseModel):
    """Shown once: the office keeps only its SHA-256. Send it as `Authorization: Bearer ...`."""

    token: str
    device_id: uuid.UUID
    user: UserPublic


class DevicePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    username: str
    app_version: str
    pending_changes: int
    created_at: dt.datetime
    last_seen_at: dt.datetime | None
    last_ip: str
    revoked_at: dt.datetime | None
    wipe_requested_at: dt.datetime | None


class DeviceReport(StrictModel):
    """What a laptop tells the office on each contact, for the devices page."""

    app_version: str = Field(max_length=64)
    pending_changes: int = Field(ge=0, le=10_000_000)


class DeviceStatus(BaseModel):
    device_id: uuid.UUID
    revoked: bool
    wipe_requested: bool

"""Office-only tables: users, devices, browser sessions, sign-in failures, audit, ticket counters.

They live on their own MetaData so that importing the office service never adds tables to the
laptop's schema (`fieldtech.models.Base.metadata`), while sharing its column types and naming.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import BigInteger, Enum, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fieldtech.models import Base, Technician, utcnow
from fieldtech.models.base import NAMING_CONVENTION

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a real BIGINT.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Role(StrEnum):
    TECHNICIAN = "technician"
    OFFICE = "office"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class OfficeBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = Base.type_annotation_map


def _enum(cls: type) -> Enum:
    return Enum(cls, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class User(OfficeBase):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(_enum(Role))
    password_hash: Mapped[str] = mapped_column(String(200))
    # A technician account is tied to the domain's technician record that jobs are assigned to.
    technician_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(Technician.__table__.c.id), unique=True
    )
    language: Mapped[str] = mapped_column(String(16), default="en")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Device(OfficeBase):
    """A signed-in laptop (or API client). Only the SHA-256 of its token is stored."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    app_version: Mapped[str] = mapped_column(String(64), default="")
    pending_changes: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime | None]
    last_ip: Mapped[str] = mapped_column(String(64), default="")
    revoked_at: Mapped[dt.datetime | None]
    wipe_requested_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship(lazy="joined")


class DashboardSession(OfficeBase):
    """A browser sign-in: the cookie holds a random token whose SHA-256 is kept here."""

    __tablename__ = "dashboard_sessions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)
    user_agent: Mapped[str] = mapped_column(String(300), default="")
    ip: Mapped[str] = mapped_column(String(64), default="")

    user: Mapped[User] = relationship(lazy="joined")


class LoginFailure(OfficeBase):
    """A failed sign-in, counted per user name and per address; kept in the database so that
    every app process behind the load balancer enforces the same limit."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    ip: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class AuditEntry(OfficeBase):
    """Who changed what, when, and from which device or browser; written with the change."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    device_id: Mapped[uuid.UUID | None]
    session_id: Mapped[uuid.UUID | None]
    client: Mapped[str] = mapped_column(String(300), default="")
    ip: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    # {field: [old, new]} for updates, {field: new} for creations, as JSON-safe text.
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")


class TicketCounter(OfficeBase):
    """The last ticket number issued in a month; the row is locked by each issue."""

    __tablename__ = "ticket_counters"

    month: Mapped[str] = mapped_column(String(6), primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)

"""The audit trail: one row per write, added in the same transaction as the write itself."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.auth import Principal
from sync.server.models import AuditEntry


def json_safe(value: Any) -> Any:
    """Values as the audit log and the API show them: ISO times, UUID and decimal text."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return value


def record(
    session: Session,
    who: Principal,
    action: str,
    entity: str,
    entity_id: uuid.UUID | None,
    changes: Mapping[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    entry = AuditEntry(
        user_id=who.user.id,
        username=who.user.username,
        device_id=who.device.id if who.device else None,
        session_id=who.browser.id if who.browser else None,
        client=who.client,
        ip=who.ip,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=json_safe(dict(changes or {})),
        note=note,
    )
    session.add(entry)
    return entry


def history(session: Session, entity: str, entity_id: uuid.UUID) -> list[AuditEntry]:
    statement = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(statement))

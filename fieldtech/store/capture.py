"""Transactional change capture: every flush of a synced record writes its outbox entry in the same
transaction, so a crash can lose neither the change nor the record of it alone.

Install once per session factory with `install_capture(sessions)`. Applying changes pulled from the
office must not echo them back: such sessions set `session.info[NO_CAPTURE] = True`.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from fieldtech.domain.enums import OutboxOp
from fieldtech.models.base import Synced, utcnow
from fieldtech.models.syncstate import LocalSetting, OutboxEntry
from fieldtech.store.codec import encode_row

NO_CAPTURE = "fieldtech.no_capture"
CURSOR_SETTING = "sync_cursor"
_CURSOR = select(LocalSetting.value).where(LocalSetting.key == CURSOR_SETTING)


def _entry(obj: Any, op: OutboxOp, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutation_id": uuid.uuid4(),
        "table_name": obj.__tablename__,
        "record_id": obj.id,
        "op": op,
        "payload": payload,
        "created_at": utcnow(),
    }


def _changed_keys(obj: Any) -> list[str]:
    state = inspect(obj)
    keys = []
    for attr in state.mapper.column_attrs:
        if state.attrs[attr.key].history.has_changes():
            keys.append(attr.key)
    return keys


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    if session.info.get(NO_CAPTURE):
        return
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            rows.append(_entry(obj, OutboxOp.INSERT, encode_row(inspect(obj).mapper, obj)))
    for obj in session.dirty:
        if isinstance(obj, Synced) and obj not in session.deleted:
            keys = _changed_keys(obj)
            if keys:
                keys.append("updated_at")
                payload = encode_row(inspect(obj).mapper, obj, keys)
                rows.append(_entry(obj, OutboxOp.UPDATE, payload))
    for obj in session.deleted:
        if isinstance(obj, Synced):
            rows.append(_entry(obj, OutboxOp.DELETE, {}))
    if rows:
        connection = session.connection()
        cursor = int(connection.execute(_CURSOR).scalar() or 0)
        for row in rows:
            row["base_cursor"] = cursor
        connection.execute(insert(OutboxEntry), rows)


def install_capture(sessions: sessionmaker[Session]) -> None:
    """Capture changes of every session this factory makes."""
    # A marker, not event.contains(): SQLAlchemy's registry answers by id(), and a new factory
    # at the address of a collected one would look as if it already had the listener.
    if not getattr(sessions, "_fieldtech_capture", False):
        event.listen(sessions, "after_flush", _after_flush)
        sessions._fieldtech_capture = True  # type: ignore[attr-defined]

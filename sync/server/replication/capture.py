"""Office-side change capture: every flushed change to a synced record gets a change-log entry and
fresh per-field stamps, in the same transaction, whoever made it (dashboard, API or a push).

Sessions that apply a technician's push set `session.info[SIDE] = "technician"` and
`session.info[TECHNICIAN] = <technician id>`; everything else is written by the office.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from fieldtech.models.base import Synced
from sync.server.replication.registry import MODELS, job_of
from sync.server.replication.tables import ChangeLogEntry, RecordMeta, SyncClock

SIDE = "fieldtech.sync_side"
TECHNICIAN = "fieldtech.sync_technician"
CLOCK_ID = 1


def next_seqs(connection: Connection, count: int) -> int:
    """Reserve `count` sequence numbers; returns the last. Takes the clock's row lock until commit."""
    last = connection.execute(
        update(SyncClock)
        .where(SyncClock.id == CLOCK_ID)
        .values(value=SyncClock.value + count)
        .returning(SyncClock.value)
    ).scalar()
    if last is None:
        raise RuntimeError("sync_clock has no row; run `fieldtech-office init` to migrate")
    return int(last)


def head(connection: Connection) -> int:
    value = connection.execute(select(SyncClock.value).where(SyncClock.id == CLOCK_ID)).scalar()
    return int(value or 0)


def record_change(
    connection: Connection,
    *,
    seq: int,
    table: str,
    record_id: uuid.UUID,
    job_id: uuid.UUID | None,
    fields: list[str],
    side: str,
    deleted: bool = False,
    creator: uuid.UUID | None = None,
) -> None:
    """Stamp `fields` of one record at `seq` and log it (fields may be empty: a plain touch)."""
    connection.execute(
        insert(ChangeLogEntry).values(seq=seq, table_name=table, record_id=record_id)
    )
    meta = connection.execute(
        select(RecordMeta.stamps, RecordMeta.job_id).where(RecordMeta.record_id == record_id)
    ).first()
    if meta is None:
        connection.execute(
            insert(RecordMeta).values(
                record_id=record_id,
                table_name=table,
                job_id=job_id,
                version=seq,
                deleted=deleted,
                creator_technician_id=creator,
                stamps={f: [seq, side] for f in fields},
            )
        )
        return
    stamps = dict(meta.stamps or {})
    stamps.update({f: [seq, side] for f in fields})
    connection.execute(
        update(RecordMeta)
        .where(RecordMeta.record_id == record_id)
        .values(version=seq, deleted=deleted, stamps=stamps, job_id=job_id or meta.job_id)
    )


def _changed(obj: Any) -> list[str]:
    state = inspect(obj)
    return [a.key for a in state.mapper.column_attrs if state.attrs[a.key].history.has_changes()]


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    changes: list[tuple[Any, list[str], bool]] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            changes.append((obj, [a.key for a in inspect(obj).mapper.column_attrs], False))
    for obj in session.dirty:
        if isinstance(obj, Synced) and obj not in session.deleted:
            keys = _changed(obj)
            if keys:
                changes.append((obj, keys, False))
    for obj in session.deleted:
        if isinstance(obj, Synced):
            changes.append((obj, [], True))
    changes = [c for c in changes if c[0].__tablename__ in MODELS]
    if not changes:
        return
    connection = session.connection()
    side = str(session.info.get(SIDE, "office"))
    creator = session.info.get(TECHNICIAN)
    last = next_seqs(connection, len(changes))
    for offset, (obj, fields, deleted) in enumerate(changes):
        table = obj.__tablename__
        record_change(
            connection,
            seq=last - len(changes) + 1 + offset,
            table=table,
            record_id=obj.id,
            job_id=job_of(session, table, obj),
            fields=fields,
            side=side,
            deleted=deleted,
            creator=creator if side == "technician" else None,
        )


def install_office_capture(sessions: sessionmaker[Session]) -> None:
    # A marker, not event.contains(): SQLAlchemy's registry answers by id(), and a new factory
    # at the address of a collected one would look as if it already had the listener.
    if not getattr(sessions, "_fieldtech_office_capture", False):
        event.listen(sessions, "after_flush", _after_flush)
        sessions._fieldtech_office_capture = True  # type: ignore[attr-defined]

"""Office-side change capture: every flushed change to a synced record gets a change-log entry and
fresh per-field stamps, in the same transaction, whoever made it (dashboard, API or a push).

Sessions that apply a technician's push set `session.info[SIDE] = "technician"` and
`session.info[TECHNICIAN] = <technician id>`; everything else is written by the office.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from fieldtech.models.base import Synced
from sync.server.replication.registry import MODELS, job_of
from sync.server.replication.stamps import Stamps
from sync.server.replication.stamps import read as stamps_of
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


@dataclass(frozen=True)
class Change:
    """One record changed at `seq`: the fields written (empty for a plain touch) and by whom."""

    seq: int
    table: str
    record_id: uuid.UUID
    job_id: uuid.UUID | None
    fields: list[str]
    side: str
    deleted: bool = False
    creator: uuid.UUID | None = None


def record_changes(connection: Connection, changes: list[Change]) -> None:
    """Stamp and log many changes with a few statements: one lookup of the records' metadata,
    one insert into the log, one insert for new records and one update for known ones.

    The log keeps one entry per record, its latest (at the record's version): an older entry is
    deleted when a newer one is written. A pull reads the state a record has now, so a device
    whose cursor is behind the deleted entry still gets the record, from the newer one; a
    deletion is an entry like any other, and stays until the record changes again.
    """
    if not changes:
        return
    ids = sorted({c.record_id for c in changes})
    known: dict[uuid.UUID, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        query = select(
            RecordMeta.record_id, RecordMeta.stamps, RecordMeta.job_id, RecordMeta.version
        ).where(RecordMeta.record_id.in_(ids[start : start + 500]))
        for rid, stamps, job_id, version in connection.execute(query):
            known[rid] = {"stamps": stamps_of(stamps), "job_id": job_id, "logged": version}
    fresh: dict[uuid.UUID, dict[str, Any]] = {}
    updated: dict[uuid.UUID, dict[str, Any]] = {}
    latest: dict[uuid.UUID, Change] = {}
    for c in changes:
        latest[c.record_id] = c
        stamp = (c.seq, c.side)
        if c.record_id in fresh:
            row = fresh[c.record_id]
            row["stamps"] = row["stamps"].written(c.table, c.fields, stamp)
            row.update(version=c.seq, deleted=c.deleted, job_id=c.job_id or row["job_id"])
        elif c.record_id in known:
            before = known[c.record_id]
            before["stamps"] = before["stamps"].written(c.table, c.fields, stamp)
            before["job_id"] = c.job_id or before["job_id"]
            updated[c.record_id] = {
                "m_record_id": c.record_id,
                "m_version": c.seq,
                "m_deleted": c.deleted,
                "m_stamps": before["stamps"].stored(),
                "m_job_id": before["job_id"],
            }
        else:
            fresh[c.record_id] = {
                "record_id": c.record_id,
                "table_name": c.table,
                "job_id": c.job_id,
                "version": c.seq,
                "deleted": c.deleted,
                "creator_technician_id": c.creator,
                "stamps": Stamps().written(c.table, c.fields, stamp),
            }
    superseded = [{"old": k["logged"], "rid": rid} for rid, k in known.items() if rid in updated]
    if superseded:
        connection.execute(_DELETE_SUPERSEDED, superseded)
    connection.execute(
        insert(ChangeLogEntry),
        [
            {"seq": c.seq, "table_name": c.table, "record_id": c.record_id, "job_id": c.job_id}
            for c in latest.values()
        ],
    )
    if fresh:
        for row in fresh.values():
            row["stamps"] = row["stamps"].stored()
        connection.execute(insert(RecordMeta), list(fresh.values()))
    if updated:
        connection.execute(
            update(RecordMeta)
            .where(RecordMeta.record_id == bindparam("m_record_id"))
            .values(
                version=bindparam("m_version"),
                deleted=bindparam("m_deleted"),
                stamps=bindparam("m_stamps"),
                job_id=bindparam("m_job_id"),
            ),
            list(updated.values()),
        )


# By sequence number (the key), the record id only as a check: a record's version is the
# sequence number of its one entry.
_DELETE_SUPERSEDED = delete(ChangeLogEntry).where(
    ChangeLogEntry.seq == bindparam("old"), ChangeLogEntry.record_id == bindparam("rid")
)


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
    record_changes(
        connection, [Change(seq, table, record_id, job_id, fields, side, deleted, creator)]
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
    first = last - len(changes) + 1
    record_changes(
        connection,
        [
            Change(
                seq=first + offset,
                table=obj.__tablename__,
                record_id=obj.id,
                job_id=job_of(session, obj.__tablename__, obj),
                fields=fields,
                side=side,
                deleted=deleted,
                creator=creator if side == "technician" else None,
            )
            for offset, (obj, fields, deleted) in enumerate(changes)
        ],
    )


def install_office_capture(sessions: sessionmaker[Session]) -> None:
    # A marker, not event.contains(): SQLAlchemy's registry answers by id(), and a new factory
    # at the address of a collected one would look as if it already had the listener.
    if not getattr(sessions, "_fieldtech_office_capture", False):
        event.listen(sessions, "after_flush", _after_flush)
        sessions._fieldtech_office_capture = True  # type: ignore[attr-defined]

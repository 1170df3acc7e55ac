"""Applying what the office sent to the local store: rows, evictions, resyncs.

Pulled rows never echo back into the outbox (NO_CAPTURE), and never overwrite a field that has a
local change still waiting to be pushed: that change goes to the office, which merges it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldtech.models import Attachment, Blob, OutboxEntry, RecordVersion
from fieldtech.models.registry import JOB_TABLES, MODELS, TABLE_ORDER
from fieldtech.store.codec import decode_row
from sync.client.attachments import confirmed_on_office
from sync.protocol.digest import bucket_for
from sync.protocol.schemas import RowState


def pending_fields(session: Session, record_id: uuid.UUID) -> set[str] | None:
    """Fields with unsent local changes (None: the record itself is unsent, insert or delete)."""
    fields: set[str] = set()
    for op, payload in session.execute(
        select(OutboxEntry.op, OutboxEntry.payload).where(OutboxEntry.record_id == record_id)
    ):
        if op != "update":
            return None
        fields.update(payload)
    return fields


def _delete(session: Session, table: str, record_id: uuid.UUID) -> None:
    """A plain DELETE: no ORM cascade may null a foreign key of a record that stays."""
    model = MODELS[table]
    session.execute(delete(model).where(model.id == record_id))


def apply_row(session: Session, row: RowState) -> None:
    model = MODELS[row.table]
    pending = pending_fields(session, row.record_id)
    obj = session.get(model, row.record_id)
    if row.fields is None:
        if obj is not None and pending is not None and not pending:
            _delete(session, row.table, row.record_id)
        session.execute(delete(RecordVersion).where(RecordVersion.record_id == row.record_id))
        return
    values = decode_row(model.__mapper__, row.fields)
    if obj is None:
        if pending is None:
            return  # deleted here and not yet pushed: the push decides
        session.add(model(**values))
    else:
        skip = set(values) if pending is None else pending
        for key, value in values.items():
            if key not in skip and getattr(obj, key) != value:
                setattr(obj, key, value)
    version = session.get(RecordVersion, row.record_id)
    if version is None:
        session.add(
            RecordVersion(
                record_id=row.record_id, table_name=row.table, scope=row.scope, version=row.version
            )
        )
    else:
        version.version = row.version
        version.scope = row.scope


def apply_rows(session: Session, rows: Iterable[RowState]) -> int:
    count = 0
    for row in rows:
        apply_row(session, row)
        count += 1
    session.flush()
    return count


def _job_records(session: Session, job_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
    found = [
        (v.table_name, v.record_id)
        for v in session.scalars(select(RecordVersion).where(RecordVersion.scope == job_id))
    ]
    for table in JOB_TABLES:
        model = MODELS[table]
        column = model.id if table == "jobs" else getattr(model, "job_id", None)
        if column is None:
            continue
        found.extend(
            (table, rid) for rid in session.scalars(select(model.id).where(column == job_id))
        )
    return sorted(set(found), key=lambda r: TABLE_ORDER[r[0]], reverse=True)


def _bytes_not_on_office(session: Session, record_ids: list[uuid.UUID]) -> bool:
    """Does any attachment among these records hold local bytes the office has not confirmed?"""
    if not record_ids:
        return False
    local = set(
        session.scalars(
            select(Attachment.sha256)
            .join(Blob, Blob.sha256 == Attachment.sha256)
            .where(Attachment.id.in_(record_ids))
        )
    )
    return bool(local - confirmed_on_office(session))


def evict_job(session: Session, job_id: uuid.UUID) -> bool:
    """Remove a job that left this technician's scope, unless something of it is unsent."""
    records = _job_records(session, job_id)
    ids = [rid for _, rid in records]
    if ids and session.scalar(
        select(OutboxEntry.seq).where(OutboxEntry.record_id.in_(ids)).limit(1)
    ):
        return False
    if _bytes_not_on_office(session, ids):
        return False  # a photo or signature the office has not received yet
    job = session.get(MODELS["jobs"], job_id)
    shared = [job.item_id, job.customer_id] if job is not None else []
    for table, rid in records:
        _delete(session, table, rid)
    session.execute(delete(RecordVersion).where(RecordVersion.record_id.in_(ids)))
    _drop_unreferenced(session, [s for s in shared if s is not None])
    return True


def _drop_unreferenced(session: Session, shared_ids: list[uuid.UUID]) -> None:
    jobs = MODELS["jobs"]
    for rid in shared_ids:
        still_used = session.scalar(
            select(jobs.id).where((jobs.customer_id == rid) | (jobs.item_id == rid)).limit(1)
        )
        pending = session.scalar(
            select(OutboxEntry.seq).where(OutboxEntry.record_id == rid).limit(1)
        )
        if still_used is None and pending is None:
            _delete(session, "customer_items", rid)
            _delete(session, "customers", rid)
            session.execute(delete(RecordVersion).where(RecordVersion.record_id == rid))


def local_versions(session: Session) -> list[tuple[uuid.UUID | None, uuid.UUID, int]]:
    return [(v.scope, v.record_id, v.version) for v in session.scalars(select(RecordVersion))]


def replace_bucket(session: Session, bucket: int, rows: list[RowState]) -> None:
    """Make one bucket exactly what the office says: upsert its rows, drop the stale ones."""
    wanted = {r.record_id for r in rows}
    apply_rows(session, sorted(rows, key=lambda r: TABLE_ORDER[r.table]))
    stale = [
        v
        for v in session.scalars(select(RecordVersion))
        if bucket_for(v.scope) == bucket and v.record_id not in wanted
    ]
    for version in sorted(stale, key=lambda v: TABLE_ORDER[v.table_name], reverse=True):
        if pending_fields(session, version.record_id) == set():
            _delete(session, version.table_name, version.record_id)
            session.delete(version)

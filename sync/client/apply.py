"""Applying what the office sent to the local store: rows, evictions, resyncs.

Pulled rows never echo back into the outbox (they are written with Core statements, which the
change capture does not see), and never overwrite a field that has a local change still waiting
to be pushed: that change goes to the office, which merges it.

A page is applied per table: one query each for the rows, versions and outbox entries it
touches, then bulk inserts. Row by row, a first sync spent most of its time on statements.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from fieldtech.models import Attachment, Blob, OutboxEntry, RecordVersion
from fieldtech.models.registry import JOB_TABLES, MODELS, TABLE_ORDER
from fieldtech.models.syncstate import DigestBucket
from fieldtech.store.codec import decode_row
from fieldtech.store.digest import BucketTotal, bucket_for, record_hash
from fieldtech.store.versions import insert_versions
from sync.client.attachments import confirmed_on_office
from sync.client.pulled import Pulled
from sync.client.rowcodec import insert_params
from sync.protocol.schemas import RowState

CHUNK = 500
Pending = set[str] | None
"""Fields with unsent local changes; None when the record itself is unsent (insert or delete)."""


def _chunks(ids: Sequence[uuid.UUID]) -> Iterator[Sequence[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _merge(pending: Pending, op: str, payload: dict[str, Any]) -> Pending:
    if pending is None or op != "update":
        return None
    return pending | set(payload)


def pending_fields(session: Session, record_id: uuid.UUID) -> Pending:
    """Fields with unsent local changes (None: the record itself is unsent, insert or delete)."""
    return pending_by_record(session, [record_id]).get(record_id, set())


def pending_by_record(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Pending]:
    """Unsent local changes of these records; records with none are absent."""
    found: dict[uuid.UUID, Pending] = {}
    for chunk in _chunks(ids):
        query = select(OutboxEntry.record_id, OutboxEntry.op, OutboxEntry.payload).where(
            OutboxEntry.record_id.in_(chunk)
        )
        for record_id, op, payload in session.execute(query):
            found[record_id] = _merge(found.get(record_id, set()), op, payload)
    return found


def _delete(session: Session, table: str, record_id: uuid.UUID) -> None:
    """A plain DELETE: no ORM cascade may null a foreign key of a record that stays."""
    model = MODELS[table]
    session.execute(delete(model).where(model.id == record_id))


def _existing(session: Session, table: str, ids: Sequence[uuid.UUID]) -> dict[Any, dict[str, Any]]:
    """The rows of these ids the store holds, as attribute -> value."""
    model = MODELS[table]
    attrs = [(a.key, a.columns[0]) for a in model.__mapper__.column_attrs]
    found: dict[Any, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        query = select(*(column for _, column in attrs)).where(model.id.in_(chunk))
        for row in session.execute(query):
            values = {key: value for (key, _), value in zip(attrs, row, strict=True)}
            found[values["id"]] = values
    return found


def _versions(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[Any, ...]]:
    found: dict[uuid.UUID, tuple[Any, ...]] = {}
    for chunk in _chunks(ids):
        query = select(RecordVersion.record_id, RecordVersion.version, RecordVersion.scope).where(
            RecordVersion.record_id.in_(chunk)
        )
        for record_id, version, scope in session.execute(query):
            found[record_id] = (version, scope)
    return found


_VERSIONS = cast(Table, RecordVersion.__table__)
_VERSION_UPDATE = (
    update(_VERSIONS)
    .where(_VERSIONS.c.record_id == bindparam("rid"))
    .values(version=bindparam("v"), scope=bindparam("s"), digest=bindparam("d"))
)


def _apply_table(session: Session, table: str, rows: list[Pulled], outbox_empty: bool) -> None:
    model = MODELS[table]
    mapper = model.__mapper__
    table_: Table = model.__table__
    ids = [r.record_id for r in rows]
    pending = {} if outbox_empty else pending_by_record(session, ids)
    existing = _existing(session, table, ids)
    versions = _versions(session, ids)
    inserts: list[dict[str, Any]] = []  # wire spelling
    deletes: list[uuid.UUID] = []
    new_versions: list[dict[str, Any]] = []
    changed_versions: list[dict[str, Any]] = []
    dropped_versions: list[uuid.UUID] = []
    for row in rows:
        rid = row.record_id
        unsent = pending.get(rid, set())
        current = existing.get(rid)
        if row.fields is None:
            if current is not None and unsent is not None and not unsent:
                deletes.append(rid)
            if rid in versions:
                dropped_versions.append(rid)
            continue
        if current is None:
            if unsent is None:
                continue  # deleted here and not yet pushed: the push decides
            inserts.append(row.fields)
        else:
            values = decode_row(mapper, row.fields)
            skip = set(values) if unsent is None else unsent
            if any(current.get(k) != v for k, v in values.items() if k not in skip):
                # Every field not waiting to be pushed, updated_at included: nothing is left for
                # the column's onupdate to fill in with this laptop's clock.
                kept = [{k: v for k, v in values.items() if k not in skip}]
                statement = update(table_).where(table_.c.id == rid)
                session.execute(statement.values(**_by_column(model, kept)[0]))
        version = {"v": row.version, "s": row.scope, "d": record_hash(rid, row.version)}
        if rid not in versions:
            new_versions.append(
                {
                    "record_id": rid,
                    "table_name": table,
                    "scope": row.scope,
                    "version": row.version,
                    "digest": version["d"],
                }
            )
        elif versions[rid] != (row.version, row.scope):
            changed_versions.append({"rid": rid, **version})
    for chunk in _chunks(deletes):
        session.execute(delete(model).where(model.id.in_(chunk)))
    for chunk in _chunks(dropped_versions):
        session.execute(delete(RecordVersion).where(RecordVersion.record_id.in_(chunk)))
    if inserts:
        _insert(session, model, inserts)
    if new_versions:
        insert_versions(
            session.connection(),
            table,
            ((v["record_id"], v["scope"], v["version"], v["digest"]) for v in new_versions),
        )
    if changed_versions:
        session.connection().execute(_VERSION_UPDATE, changed_versions)


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """New rows as they came off the wire, converted straight to their stored form."""
    prepared = insert_params(model.__mapper__, session.get_bind().dialect, rows)
    if prepared is None:
        decoded = [decode_row(model.__mapper__, row) for row in rows]
        session.execute(insert(model.__table__), _by_column(model, decoded))
    else:
        sql, params = prepared
        session.connection().exec_driver_sql(sql, params)


def _by_column(model: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attribute keys to column names, for a Core insert (they are the same in every model)."""
    names = {a.key: a.columns[0].name for a in model.__mapper__.column_attrs}
    if all(k == v for k, v in names.items()):
        return rows
    return [{names[k]: v for k, v in row.items()} for row in rows]


def apply_rows(session: Session, rows: Iterable[Pulled]) -> int:
    """Apply one page: each record once (its last state in the page), parents' tables first."""
    session.flush()
    count = 0
    latest: dict[uuid.UUID, Pulled] = {}
    for row in rows:
        latest.pop(row.record_id, None)
        latest[row.record_id] = row
        count += 1
    if not latest:
        return 0
    outbox_empty = session.scalar(select(OutboxEntry.seq).limit(1)) is None
    by_table: dict[str, list[Pulled]] = {}
    for row in latest.values():
        MODELS[row.table]  # an unknown table is refused by name before anything is written
        by_table.setdefault(row.table, []).append(row)
    for table in sorted(by_table, key=TABLE_ORDER.__getitem__):
        _apply_table(session, table, by_table[table], outbox_empty)
    return count


def _job_records(session: Session, job_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
    found = [
        (table, rid)
        for table, rid in session.execute(
            select(RecordVersion.table_name, RecordVersion.record_id).where(
                RecordVersion.scope == job_id
            )
        )
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
    """(scope, id, version) of every record held: what a protocol-1 digest hashes."""
    query = select(RecordVersion.scope, RecordVersion.record_id, RecordVersion.version)
    return [(scope, rid, version) for scope, rid, version in session.execute(query)]


def local_totals(session: Session) -> dict[int, BucketTotal]:
    """The digest sums of what this laptop holds, per bucket, as its triggers keep them."""
    query = select(
        DigestBucket.bucket, DigestBucket.count, DigestBucket.sum_high, DigestBucket.sum_low
    )
    return {b: BucketTotal(c, h, lo) for b, c, h, lo in session.execute(query)}


def replace_bucket(session: Session, bucket: int, rows: list[RowState]) -> None:
    """Make one bucket exactly what the office says: upsert its rows, drop the stale ones."""
    wanted = {r.record_id for r in rows}
    apply_rows(session, rows)
    held = session.execute(
        select(RecordVersion.record_id, RecordVersion.table_name, RecordVersion.scope)
    )
    stale = [
        (table, rid)
        for rid, table, scope in held
        if bucket_for(scope) == bucket and rid not in wanted
    ]
    for table, rid in sorted(stale, key=lambda r: TABLE_ORDER[r[0]], reverse=True):
        if pending_fields(session, rid) == set():
            _delete(session, table, rid)
            session.execute(delete(RecordVersion).where(RecordVersion.record_id == rid))

"""Row states of many records at once: their metadata in one query, their rows in one per table.

A pull page, a resync and the scope oracle all ask for hundreds of records; loading them one by
one cost two statements per record.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from fieldtech.models import Job, VanStock
from fieldtech.models.registry import TABLE_ORDER
from sync.protocol.schemas import RowBlock, RowState
from sync.server.replication.registry import (
    GLOBAL_TABLES,
    JOB_TABLES,
    MODELS,
    OFFICE_ONLY,
    SHARED_TABLES,
)
from sync.server.replication.tables import RecordMeta
from sync.server.replication.wire import table_encoders

CHUNK = 500


class Meta(NamedTuple):
    version: int
    deleted: bool
    job_id: uuid.UUID | None


def chunks(ids: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


_new = object.__new__
_set = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def raw(column: Any) -> Any:
    """A UUID column selected without result processing: SQLite gives its 32 hex digits."""
    return type_coerce(column, String)


def as_uuid(value: Any) -> Any:
    """A UUID read `raw`, as a UUID: made straight from SQLite's hex digits (UUID's own parsing
    was a fifth of a page's time), a driver's UUID (PostgreSQL) as it is, None as None."""
    if type(value) is str and len(value) == 32:
        made = _new(uuid.UUID)
        _set(made, "int", int(value, 16))
        _set(made, "is_safe", _UNKNOWN)
        return made
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


def load_metas(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Meta]:
    found: dict[uuid.UUID, Meta] = {}
    for chunk in chunks(ids):
        query = select(
            raw(RecordMeta.record_id),
            RecordMeta.version,
            RecordMeta.deleted,
            raw(RecordMeta.job_id),
        ).where(RecordMeta.record_id.in_(chunk))
        for rid, version, deleted, job_id in session.execute(query):
            found[as_uuid(rid)] = Meta(version, deleted, as_uuid(job_id))
    return found


def _encoded_values(
    session: Session, table: str, ids: Sequence[uuid.UUID]
) -> tuple[list[str], dict[str, list[Any]]]:
    """The attribute keys of a table, and these rows' values in that order in their JSON
    spelling (fieldtech.store.codec), by id text."""
    model = MODELS[table]
    selected, encoders = table_encoders(model.__mapper__, session.get_bind().dialect)
    keys = [key for key, _ in encoders]
    at = keys.index("id")
    found: dict[str, list[Any]] = {}
    for chunk in chunks(ids):
        query = select(*selected).where(model.id.in_(chunk))
        for row in session.execute(query):
            values = [encode(value) for (_, encode), value in zip(encoders, row, strict=True)]
            found[values[at]] = values
    return keys, found


def scope_of(table: str, record_id: uuid.UUID, meta: Meta) -> uuid.UUID | None:
    """The job (or the shared record itself) that scopes a row; None for global rows."""
    if table in JOB_TABLES:
        return meta.job_id
    return record_id if table in SHARED_TABLES else None


def _loaded(
    session: Session, ids: Iterable[tuple[str, uuid.UUID]]
) -> Iterator[tuple[str, uuid.UUID, Meta, list[str], list[Any] | None]]:
    """Each record asked for once, in order, with its metadata, its table's attribute keys and
    its values (None: deleted); records the office never knew are left out."""
    wanted: dict[uuid.UUID, str] = {}
    for table, rid in ids:
        wanted.setdefault(rid, table)
    metas = load_metas(session, list(wanted))
    live: dict[str, list[uuid.UUID]] = {}
    for rid, table in wanted.items():
        meta = metas.get(rid)
        if meta is not None and not meta.deleted:
            live.setdefault(table, []).append(rid)
    loaded = {table: _encoded_values(session, table, rids) for table, rids in live.items()}
    for rid, table in wanted.items():
        meta = metas.get(rid)
        if meta is None:
            continue
        keys, found = loaded.get(table, ([], {}))
        yield table, rid, meta, keys, found.get(str(rid))


def _row_state(table: str, rid: uuid.UUID, meta: Meta, fields: dict[str, Any] | None) -> RowState:
    # Built from the office's own data: validating each of thousands of rows again would cost
    # more than loading them.
    return RowState.model_construct(
        table=table,
        record_id=rid,
        version=meta.version,
        scope=scope_of(table, rid, meta),
        fields=fields,
    )


def row_states(session: Session, ids: Iterable[tuple[str, uuid.UUID]]) -> list[RowState]:
    """The records as the office holds them now, in the order asked, each once (tombstones for
    deleted ones; records it never knew are left out)."""
    return [
        _row_state(
            table, rid, meta, None if values is None else dict(zip(keys, values, strict=True))
        )
        for table, rid, meta, keys, values in _loaded(session, ids)
    ]


def row_blocks(
    session: Session, ids: Iterable[tuple[str, uuid.UUID]]
) -> tuple[list[RowBlock], list[RowState]]:
    """The same records as `row_states`: the live ones in a column block per table (tables in
    the order first asked) and the tombstones as row states."""
    blocks: dict[str, RowBlock] = {}
    tombstones: list[RowState] = []
    for table, rid, meta, keys, values in _loaded(session, ids):
        if values is None:
            tombstones.append(_row_state(table, rid, meta, None))
            continue
        block = blocks.get(table)
        if block is None:
            block = blocks[table] = RowBlock.model_construct(table=table, columns=keys, rows=[])
        scope = scope_of(table, rid, meta)
        block.rows.append([meta.version, None if scope is None else str(scope), *values])
    return list(blocks.values()), tombstones


def visible_ids(
    session: Session,
    technician_id: uuid.UUID,
    records: dict[uuid.UUID, str],
    metas: dict[uuid.UUID, Meta],
    in_scope: Callable[[Iterable[uuid.UUID]], set[uuid.UUID]],
) -> set[uuid.UUID]:
    """Which of these records (id -> table) may a device of this technician hold? `in_scope`
    answers which of some jobs make their records visible."""
    shown: set[uuid.UUID] = set()
    stock: list[uuid.UUID] = []
    by_job: list[tuple[uuid.UUID, uuid.UUID]] = []  # (record, a job that makes it visible)
    shared: dict[str, list[uuid.UUID]] = {"customers": [], "customer_items": []}
    for rid, table in records.items():
        meta = metas.get(rid)
        if meta is None or table in OFFICE_ONLY or table not in MODELS:
            continue
        if table in GLOBAL_TABLES:
            shown.add(rid)
        elif table in JOB_TABLES:
            if meta.job_id is not None:
                by_job.append((rid, meta.job_id))
        elif table == "van_stock":
            stock.append(rid)
        else:
            shared["customers" if table == "customers" else "customer_items"].append(rid)
    for chunk in chunks(stock):
        shown.update(
            session.scalars(
                select(VanStock.id).where(
                    VanStock.id.in_(chunk), VanStock.technician_id == technician_id
                )
            )
        )
    for table, rids in shared.items():
        column = Job.customer_id if table == "customers" else Job.item_id
        for chunk in chunks(rids):
            for used, job_id in session.execute(select(column, Job.id).where(column.in_(chunk))):
                if used is not None:
                    by_job.append((used, job_id))
    allowed = in_scope(job for _, job in by_job)
    shown.update(rid for rid, job in by_job if job in allowed)
    return shown


def records_by_job(
    session: Session, job_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, uuid.UUID]]]:
    """Each job's live records a laptop holds, its customer and item first, then parents before
    children."""
    found: dict[uuid.UUID, list[tuple[str, uuid.UUID]]] = {}
    for chunk in chunks(job_ids):
        for job_id, customer_id, item_id in session.execute(
            select(raw(Job.id), raw(Job.customer_id), raw(Job.item_id)).where(Job.id.in_(chunk))
        ):
            found[as_uuid(job_id)] = [
                (table, as_uuid(shared))
                for table, shared in (("customers", customer_id), ("customer_items", item_id))
                if shared is not None
            ]
        metas = session.execute(
            select(raw(RecordMeta.job_id), RecordMeta.table_name, raw(RecordMeta.record_id)).where(
                RecordMeta.job_id.in_(chunk),
                RecordMeta.table_name.in_(JOB_TABLES),
                RecordMeta.deleted.is_(False),
            )
        ).all()
        for owner, table, rid in sorted(metas, key=lambda m: TABLE_ORDER[m[1]]):
            if owner is not None:
                found.setdefault(as_uuid(owner), []).append((table, as_uuid(rid)))
    return found

"""Need to know: which jobs a technician may hold, and which rows of them a laptop should have."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldtech.models import Job, PickupReceipt, VanStock
from fieldtech.models.registry import TABLE_ORDER
from fieldtech.store.codec import encode_row
from sync.protocol.schemas import RowState
from sync.server.replication.registry import (
    GLOBAL_TABLES,
    JOB_TABLES,
    MODELS,
    OFFICE_ONLY,
    SHARED_TABLES,
)
from sync.server.replication.tables import DeviceJob, RecordMeta


@dataclass(frozen=True)
class DeviceContext:
    """Who is syncing: the device and the technician it is signed in as."""

    device_id: uuid.UUID
    technician_id: uuid.UUID


def _created_by(technician_id: uuid.UUID) -> Any:
    return select(RecordMeta.record_id).where(
        RecordMeta.table_name == "jobs", RecordMeta.creator_technician_id == technician_id
    )


def scope_jobs(session: Session, technician_id: uuid.UUID) -> set[uuid.UUID]:
    """Jobs assigned to the technician, plus those they opened themselves."""
    query = select(Job.id).where(
        or_(Job.technician_id == technician_id, Job.id.in_(_created_by(technician_id)))
    )
    return set(session.scalars(query))


def held_jobs(session: Session, device_id: uuid.UUID) -> set[uuid.UUID]:
    return set(session.scalars(select(DeviceJob.job_id).where(DeviceJob.device_id == device_id)))


def row_state(session: Session, table: str, record_id: uuid.UUID) -> RowState | None:
    """The record as the office holds it now (a tombstone when deleted); None if never known."""
    meta = session.get(RecordMeta, record_id)
    if meta is None:
        return None
    model = MODELS[table]
    obj = None if meta.deleted else session.get(model, record_id)
    scope = meta.job_id if table in JOB_TABLES else (record_id if table in SHARED_TABLES else None)
    fields = None if obj is None else encode_row(model.__mapper__, obj)
    return RowState(
        table=table, record_id=record_id, version=meta.version, scope=scope, fields=fields
    )


def visible(
    session: Session, ctx: DeviceContext, table: str, meta: RecordMeta, jobs: set[uuid.UUID]
) -> bool:
    """May this device hold the record, given the jobs in its scope?"""
    if table in OFFICE_ONLY or table not in MODELS:
        return False
    if table in GLOBAL_TABLES:
        return True
    if table in JOB_TABLES:
        return meta.job_id in jobs
    if table == "van_stock":
        owner = session.scalar(select(VanStock.technician_id).where(VanStock.id == meta.record_id))
        return owner == ctx.technician_id
    column = Job.customer_id if table == "customers" else Job.item_id
    referring = session.scalars(select(Job.id).where(column == meta.record_id))
    return any(job in jobs for job in referring)


def job_record_ids(
    session: Session, job_ids: Iterable[uuid.UUID]
) -> Iterator[tuple[str, uuid.UUID]]:
    """Every live record of these jobs, parents first, with the customers and items they use."""
    ids = list(job_ids)
    if not ids:
        return
    metas = session.execute(
        select(RecordMeta.table_name, RecordMeta.record_id).where(
            RecordMeta.job_id.in_(ids), RecordMeta.deleted.is_(False)
        )
    ).all()
    jobs = session.execute(select(Job.customer_id, Job.item_id).where(Job.id.in_(ids))).all()
    seen: set[uuid.UUID] = set()
    for customer_id, item_id in jobs:
        for table, rid in (("customers", customer_id), ("customer_items", item_id)):
            if rid is not None and rid not in seen:
                seen.add(rid)
                yield table, rid
    for table, rid in sorted(metas, key=lambda r: TABLE_ORDER.get(r[0], len(TABLE_ORDER))):
        yield table, rid


def global_record_ids(session: Session, ctx: DeviceContext) -> Iterator[tuple[str, uuid.UUID]]:
    for table in sorted(GLOBAL_TABLES, key=TABLE_ORDER.__getitem__):
        model = MODELS[table]
        for rid in session.scalars(select(model.id)):
            yield table, rid
    for rid in session.scalars(
        select(VanStock.id).where(VanStock.technician_id == ctx.technician_id)
    ):
        yield "van_stock", rid


def pickup_job(session: Session, pickup_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(select(PickupReceipt.job_id).where(PickupReceipt.id == pickup_id))


def held_versions(
    session: Session, ctx: DeviceContext, jobs: set[uuid.UUID]
) -> list[tuple[uuid.UUID | None, uuid.UUID, int]]:
    """(scope, id, version) of every row a device holding `jobs` should have, from the metadata
    alone: the digest needs no row loaded."""
    out: list[tuple[uuid.UUID | None, uuid.UUID, int]] = []
    live = RecordMeta.deleted.is_(False)
    ids = sorted(jobs)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out.extend(
            (job_id, rid, version)
            for rid, job_id, version in session.execute(
                select(RecordMeta.record_id, RecordMeta.job_id, RecordMeta.version).where(
                    RecordMeta.job_id.in_(chunk), RecordMeta.table_name.in_(JOB_TABLES), live
                )
            )
        )
        shared = {
            rid
            for row in session.execute(
                select(Job.customer_id, Job.item_id).where(Job.id.in_(chunk))
            )
            for rid in row
            if rid is not None
        }
        out.extend(
            (rid, rid, version)
            for rid, version in session.execute(
                select(RecordMeta.record_id, RecordMeta.version).where(
                    RecordMeta.record_id.in_(shared), live
                )
            )
        )
    own_stock = select(VanStock.id).where(VanStock.technician_id == ctx.technician_id)
    out.extend(
        (None, rid, version)
        for rid, version in session.execute(
            select(RecordMeta.record_id, RecordMeta.version).where(
                live,
                RecordMeta.table_name.in_(GLOBAL_TABLES) | RecordMeta.record_id.in_(own_stock),
            )
        )
    )
    return list(set(out))

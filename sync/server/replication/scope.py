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
from sync.server.replication.registry import (
    GLOBAL_TABLES,
    JOB_TABLES,
    MODELS,
)
from sync.server.replication.rows import records_by_job
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


def job_record_ids(
    session: Session, job_ids: Iterable[uuid.UUID]
) -> Iterator[tuple[str, uuid.UUID]]:
    """Every live record of these jobs a laptop holds, with the customers and items they use."""
    by_job = records_by_job(session, sorted(job_ids))
    for records in by_job.values():
        yield from records


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

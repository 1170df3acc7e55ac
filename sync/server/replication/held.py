"""What a device holds against what its technician's scope says, compared in the database.

Loading both job sets into Python cost two UUID objects per job on every pull page; at ten
thousand jobs that was most of a quiet pull. These queries return only the differences.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from fieldtech.models import Job
from sync.server.replication.rows import chunks
from sync.server.replication.scope import DeviceContext
from sync.server.replication.tables import DeviceJob, RecordMeta


def in_scope_clause(technician_id: uuid.UUID) -> Any:
    """Jobs assigned to the technician, plus those they opened themselves (as scope_jobs)."""
    created = select(RecordMeta.record_id).where(
        RecordMeta.table_name == "jobs", RecordMeta.creator_technician_id == technician_id
    )
    return or_(Job.technician_id == technician_id, Job.id.in_(created))


def missing_jobs(session: Session, ctx: DeviceContext, limit: int) -> list[uuid.UUID]:
    """Up to `limit` jobs in scope that the device does not hold yet, in id order."""
    held = select(DeviceJob.job_id).where(
        DeviceJob.device_id == ctx.device_id, DeviceJob.job_id == Job.id
    )
    query = (
        select(Job.id)
        .where(in_scope_clause(ctx.technician_id), ~exists(held))
        .order_by(Job.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def jobs_to_evict(session: Session, ctx: DeviceContext) -> list[uuid.UUID]:
    """Jobs the device holds that left its technician's scope, in id order."""
    still = select(Job.id).where(Job.id == DeviceJob.job_id, in_scope_clause(ctx.technician_id))
    query = (
        select(DeviceJob.job_id)
        .where(DeviceJob.device_id == ctx.device_id, ~exists(still))
        .order_by(DeviceJob.job_id)
    )
    return list(session.scalars(query))


def holds_any(session: Session, device_id: uuid.UUID) -> bool:
    query = select(DeviceJob.job_id).where(DeviceJob.device_id == device_id).limit(1)
    return session.scalar(query) is not None


def held_in_scope(
    session: Session, ctx: DeviceContext, job_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these jobs the device holds and may keep.

    A change to a job the device does not hold yet need not be sent on its own: the job goes
    whole, as it is then, when its turn comes (on a first sync that halves what is sent).
    """
    found: set[uuid.UUID] = set()
    held = select(DeviceJob.job_id).where(
        DeviceJob.device_id == ctx.device_id, DeviceJob.job_id == Job.id
    )
    for chunk in chunks(sorted(set(job_ids))):
        query = select(Job.id).where(
            Job.id.in_(chunk), in_scope_clause(ctx.technician_id), exists(held)
        )
        found.update(session.scalars(query))
    return found

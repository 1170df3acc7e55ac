"""What a device holds against what its technician's scope says, compared in the database, and
the change-log entries that concern it.

Loading both job sets into Python cost two UUID objects per job on every pull page; at ten
thousand jobs that was most of a quiet pull. These queries return only the differences, and once
the two sets are known to match at some change-log head, only the jobs changed after it are
compared again.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import exists, or_, select, union_all
from sqlalchemy.orm import Session

from fieldtech.models import Job
from sync.server.replication.rows import chunks
from sync.server.replication.scope import DeviceContext
from sync.server.replication.tables import ChangeLogEntry, DeviceJob, RecordMeta


class Entry(NamedTuple):
    seq: int
    table_name: str
    record_id: uuid.UUID


LOG_SCAN = 2000
"""Up to this many entries after a cursor are read in order and filtered; beyond, the device's
own entries are looked up job by job (cheaper when the rest of the fleet wrote most of them)."""


def _created(technician_id: uuid.UUID) -> Any:
    return select(RecordMeta.record_id).where(
        RecordMeta.creator_technician_id == technician_id, RecordMeta.table_name == "jobs"
    )


def in_scope_clause(technician_id: uuid.UUID) -> Any:
    """Jobs assigned to the technician, plus those they opened themselves (as scope_jobs)."""
    return or_(Job.technician_id == technician_id, Job.id.in_(_created(technician_id)))


def _changed_jobs(since: int) -> Any:
    """Jobs with a change logged after `since`: the only ones whose scope can have changed."""
    return select(ChangeLogEntry.record_id).where(
        ChangeLogEntry.seq > since, ChangeLogEntry.table_name == "jobs"
    )


def missing_jobs(
    session: Session, ctx: DeviceContext, limit: int, since: int | None = None
) -> list[uuid.UUID]:
    """Up to `limit` jobs in scope that the device does not hold yet, in id order; with `since`,
    only among the jobs changed after it (the sets matched then)."""
    held = select(DeviceJob.job_id).where(
        DeviceJob.device_id == ctx.device_id, DeviceJob.job_id == Job.id
    )
    if since is None:
        # Each half of the scope by its own index, in id order, stopping at `limit`: an OR of the
        # two read every job, a UNION of them sorted the whole scope on every page.
        found: set[uuid.UUID] = set()
        for half in (
            Job.technician_id == ctx.technician_id,
            Job.id.in_(_created(ctx.technician_id)),
        ):
            query = select(Job.id).where(half, ~exists(held)).order_by(Job.id).limit(limit)
            found.update(session.scalars(query))
        return sorted(found)[:limit]
    changed = select(Job.id).where(
        Job.id.in_(_changed_jobs(since)), in_scope_clause(ctx.technician_id), ~exists(held)
    )
    return list(session.scalars(changed.order_by(Job.id).limit(limit)))


def jobs_to_evict(
    session: Session, ctx: DeviceContext, since: int | None = None
) -> list[uuid.UUID]:
    """Jobs the device holds that left its technician's scope, in id order; with `since`, only
    among the jobs changed after it."""
    still = select(Job.id).where(Job.id == DeviceJob.job_id, in_scope_clause(ctx.technician_id))
    query = select(DeviceJob.job_id).where(DeviceJob.device_id == ctx.device_id, ~exists(still))
    if since is not None:
        query = query.where(DeviceJob.job_id.in_(_changed_jobs(since)))
    return list(session.scalars(query.order_by(DeviceJob.job_id)))


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


def log_entries(
    session: Session, ctx: DeviceContext, cursor: int, head: int, limit: int
) -> list[Entry]:
    """Up to `limit` change-log entries in (cursor, head] that can concern this device, in seq
    order: those of the jobs it holds and those that belong to no job. Entries of other jobs
    are left out here; a job that comes into scope later is sent whole."""
    log = ChangeLogEntry
    columns = (log.seq, log.table_name, log.record_id)
    window = (log.seq > cursor, log.seq <= head)
    if head - cursor <= LOG_SCAN:
        held = select(DeviceJob.job_id).where(
            DeviceJob.device_id == ctx.device_id, DeviceJob.job_id == log.job_id
        )
        query = select(*columns).where(*window, or_(log.job_id.is_(None), exists(held)))
        return [Entry(*row) for row in session.execute(query.order_by(log.seq).limit(limit))]
    free = select(*columns).where(log.job_id.is_(None), *window)
    own = (
        select(*columns)
        .join(DeviceJob, DeviceJob.job_id == log.job_id)
        .where(DeviceJob.device_id == ctx.device_id, *window)
    )
    both = union_all(free, own).subquery()
    query = select(both.c.seq, both.c.table_name, both.c.record_id).order_by(both.c.seq)
    return [Entry(*row) for row in session.execute(query.limit(limit))]

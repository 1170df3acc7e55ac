"""Pull: row states after the device's cursor, whole jobs newly in scope, evictions, digests."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from fieldtech.models import Job
from sync.protocol.digest import bucket_for, digests
from sync.protocol.schemas import (
    GLOBAL_BUCKET,
    PROTOCOL_VERSION,
    BucketDigest,
    PullRequest,
    PullResponse,
    ResyncRequest,
    ResyncResponse,
    RowState,
)
from sync.server.replication.scope import (
    DeviceContext,
    global_record_ids,
    held_jobs,
    held_versions,
    job_record_ids,
    row_state,
    scope_jobs,
    visible,
)
from sync.server.replication.tables import (
    ChangeLogEntry,
    DeviceJob,
    DeviceSyncState,
    RecordMeta,
)


def _acknowledge(session: Session, ctx: DeviceContext, request: PullRequest) -> None:
    """Record what the device says it now holds (received whole) or dropped (evicted).

    Only a request newer than every one seen before may change that record: an old pull that the
    network delivers late must not re-add a job the laptop has since dropped.
    """
    state = session.get(DeviceSyncState, ctx.device_id)
    if state is None:
        state = DeviceSyncState(device_id=ctx.device_id, last_pull_sequence=-1)
        session.add(state)
    if request.sequence <= state.last_pull_sequence:
        return
    state.last_pull_sequence = request.sequence
    if request.evicted:
        session.execute(
            delete(DeviceJob).where(
                DeviceJob.device_id == ctx.device_id, DeviceJob.job_id.in_(request.evicted)
            )
        )
    fresh = set(request.received) - held_jobs(session, ctx.device_id)
    if fresh:
        session.execute(
            insert(DeviceJob), [{"device_id": ctx.device_id, "job_id": j} for j in fresh]
        )


def _states(session: Session, ids: list[tuple[str, uuid.UUID]]) -> list[RowState]:
    out = []
    for table, rid in ids:
        state = row_state(session, table, rid)
        if state is not None:
            out.append(state)
    return out


def should_hold(session: Session, ctx: DeviceContext, jobs: set[uuid.UUID]) -> list[RowState]:
    """Every row a device holding exactly `jobs` should have (for digests and resyncs)."""
    ids = list(global_record_ids(session, ctx)) + list(job_record_ids(session, sorted(jobs)))
    return [s for s in _states(session, ids) if s.fields is not None]


def pull(session: Session, ctx: DeviceContext, request: PullRequest) -> PullResponse:
    """One page, inside the caller's transaction (the acks it records need a commit)."""
    _acknowledge(session, ctx, request)
    scope = scope_jobs(session, ctx.technician_id)
    held = held_jobs(session, ctx.device_id)
    limit = request.limit
    entries = list(
        session.execute(
            select(ChangeLogEntry.seq, ChangeLogEntry.table_name, ChangeLogEntry.record_id)
            .where(ChangeLogEntry.seq > request.cursor)
            .order_by(ChangeLogEntry.seq)
            .limit(limit + 1)
        )
    )
    more_log = len(entries) > limit
    entries = entries[:limit]
    cursor = entries[-1].seq if entries else request.cursor
    latest: dict[uuid.UUID, str] = {}
    for entry in entries:
        latest.pop(entry.record_id, None)
        latest[entry.record_id] = entry.table_name
    rows: list[RowState] = []
    if request.cursor == 0 and not held:
        rows.extend(_states(session, list(global_record_ids(session, ctx))))
    for record_id, table in latest.items():
        meta = session.get(RecordMeta, record_id)
        if meta is not None and visible(session, ctx, table, meta, scope):
            state = row_state(session, table, record_id)
            if state is not None:
                rows.append(state)
    missing = sorted(scope - held)
    sent_jobs: list[uuid.UUID] = []
    for job_id in missing:
        if len(rows) >= limit and sent_jobs:
            break
        rows.extend(_states(session, list(job_record_ids(session, [job_id]))))
        sent_jobs.append(job_id)
    evict = sorted(held - scope)
    has_more = more_log or len(sent_jobs) < len(missing)
    quiet = not has_more and not sent_jobs and not evict
    return PullResponse(
        protocol=PROTOCOL_VERSION,
        rows=rows,
        jobs=sent_jobs,
        evict_jobs=evict,
        cursor=cursor,
        has_more=has_more,
        digests=_digests(session, ctx, held) if request.want_digest and quiet else None,
    )


def _digests(session: Session, ctx: DeviceContext, held: set[uuid.UUID]) -> list[BucketDigest]:
    return digests(held_versions(session, ctx, held))


def resync(session: Session, ctx: DeviceContext, request: ResyncRequest) -> ResyncResponse:
    """Every row of one bucket the device should hold: the repair for a digest mismatch."""
    held = held_jobs(session, ctx.device_id)
    if request.bucket == GLOBAL_BUCKET:
        rows = [s for s in should_hold(session, ctx, set()) if s.scope is None]
    else:
        everything = should_hold(session, ctx, held)
        jobs = [j for j in held if bucket_for(j) == request.bucket]
        # A job must never arrive without the customer and item it points at, whatever
        # bucket those are in.
        referred = {
            rid
            for pair in session.execute(
                select(Job.customer_id, Job.item_id).where(Job.id.in_(jobs))
            )
            for rid in pair
        }
        rows = [
            s
            for s in everything
            if s.scope is not None
            and (bucket_for(s.scope) == request.bucket or s.record_id in referred)
        ]
    return ResyncResponse(protocol=PROTOCOL_VERSION, bucket=request.bucket, rows=rows)

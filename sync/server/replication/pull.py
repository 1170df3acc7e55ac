"""Pull: row states after the device's cursor, whole jobs newly in scope, evictions, digests."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from pydantic import TypeAdapter
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from fieldtech.models import Job
from fieldtech.store.digest import grand_total
from sync.protocol.digest import bucket_for, differing_buckets, digests
from sync.protocol.schemas import (
    GLOBAL_BUCKET,
    PROTOCOL_VERSION,
    DigestTotal,
    PullRequest,
    PullResponse,
    ResyncRequest,
    ResyncResponse,
    RowBlock,
    RowState,
)
from sync.server.replication.capture import head
from sync.server.replication.held import (
    Entry,
    held_in_scope,
    holds_any,
    jobs_to_evict,
    log_entries,
    missing_jobs,
)
from sync.server.replication.rows import (
    chunks,
    load_metas,
    records_by_job,
    row_blocks,
    row_states,
    visible_ids,
)
from sync.server.replication.scope import (
    DeviceContext,
    global_record_ids,
    held_jobs,
    held_versions,
    job_record_ids,
)
from sync.server.replication.scope_mark import scope_matched
from sync.server.replication.sums import device_totals, forget_totals
from sync.server.replication.tables import DeviceJob, DeviceSyncState


def _acknowledge(session: Session, ctx: DeviceContext, request: PullRequest) -> None:
    """Record what the device says it now holds (received whole) or dropped (evicted).

    Only a request newer than every one seen before may change that record: an old pull that the
    network delivers late must not re-add a job the laptop has since dropped. A request with
    nothing to acknowledge changes nothing, so a quiet pull writes nothing.
    """
    if not request.received and not request.evicted:
        return
    state = session.get(DeviceSyncState, ctx.device_id)
    if state is None:
        state = DeviceSyncState(device_id=ctx.device_id, last_pull_sequence=-1)
        session.add(state)
    if request.sequence <= state.last_pull_sequence:
        return
    state.last_pull_sequence = request.sequence
    if request.evicted:
        forget_totals(session, ctx.device_id)
        session.execute(
            delete(DeviceJob).where(
                DeviceJob.device_id == ctx.device_id, DeviceJob.job_id.in_(request.evicted)
            )
        )
    fresh = set(request.received)
    for chunk in chunks(sorted(fresh)):
        fresh -= set(
            session.scalars(
                select(DeviceJob.job_id).where(
                    DeviceJob.device_id == ctx.device_id, DeviceJob.job_id.in_(chunk)
                )
            )
        )
    if fresh:
        forget_totals(session, ctx.device_id)
        session.execute(
            insert(DeviceJob), [{"device_id": ctx.device_id, "job_id": j} for j in fresh]
        )
    if fresh or request.evicted:
        state.scope_seq = None  # the held jobs changed: compare the whole scope again


def should_hold(session: Session, ctx: DeviceContext, jobs: set[uuid.UUID]) -> list[RowState]:
    """Every row a device holding exactly `jobs` should have (for digests and resyncs)."""
    ids = list(global_record_ids(session, ctx)) + list(job_record_ids(session, sorted(jobs)))
    return [s for s in row_states(session, ids) if s.fields is not None]


def _whole_jobs(
    session: Session, missing: list[uuid.UUID], budget: int
) -> tuple[list[uuid.UUID], list[tuple[str, uuid.UUID]]]:
    """Jobs newly in scope, sent whole, until the page holds about `budget` rows (at least one
    job, at most `len(missing)`)."""
    sent: list[uuid.UUID] = []
    ids: list[tuple[str, uuid.UUID]] = []
    start = 0
    while start < len(missing) and (budget > 0 or not sent):
        # About eight rows a job: load roughly what fits, then more if the jobs were smaller.
        size = max(8, budget // 8 + 1)
        batch = missing[start : start + size]
        start += size
        records = records_by_job(session, batch)
        for job_id in batch:
            if budget <= 0 and sent:
                break
            found = records.get(job_id, [])
            ids.extend(found)
            budget -= len(found)
            sent.append(job_id)
    return sent, ids


def pull(session: Session, ctx: DeviceContext, request: PullRequest) -> PullResponse:
    """One page, inside the caller's transaction (the acks it records need a commit)."""
    _acknowledge(session, ctx, request)
    session.flush()
    limit = request.limit
    ids: list[tuple[str, uuid.UUID]] = []
    # The head is read before any row or entry: whatever they show is at least that new.
    now = head(session.connection())
    entries: list[Entry] = []
    more_log = False
    cursor = now
    if request.cursor == 0 and not holds_any(session, ctx.device_id):
        # A device that holds nothing gets everything as it is now (global rows here, its jobs
        # whole, page by page), so the log up to now has nothing more for it.
        ids.extend(global_record_ids(session, ctx))
    elif request.cursor < now:
        entries = log_entries(session, ctx, request.cursor, now, limit + 1)
        more_log = len(entries) > limit
        entries = entries[:limit]
        if more_log:
            cursor = entries[-1].seq
    else:
        cursor = request.cursor
    latest: dict[uuid.UUID, str] = {}
    for entry in entries:
        latest.pop(entry.record_id, None)
        latest[entry.record_id] = entry.table_name
    metas = load_metas(session, list(latest))

    def scoped(jobs: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        return held_in_scope(session, ctx, jobs)

    shown = visible_ids(session, ctx.technician_id, latest, metas, scoped)
    ids.extend((table, rid) for rid, table in latest.items() if rid in shown)
    # Each job is at least one row: more than `limit` of them never fit in a page.
    matched = scope_matched(session, ctx.device_id, now)
    # Nothing logged since the held jobs last matched the scope: nothing can be missing.
    unchanged = matched.since == now
    missing = [] if unchanged else missing_jobs(session, ctx, limit + 1, matched.since)
    sent_jobs, job_ids = _whole_jobs(session, missing[:limit], limit - len(ids))
    ids.extend(job_ids)
    tables: list[RowBlock] | None = None
    if request.blocks:
        tables, rows = row_blocks(session, ids)
    else:
        rows = row_states(session, ids)
    evict = [] if unchanged else jobs_to_evict(session, ctx, matched.since)
    if not missing and not evict:
        matched.remember(session, ctx.device_id, now)
    has_more = more_log or len(sent_jobs) < len(missing)
    quiet = not has_more and not sent_jobs and not evict
    total: DigestTotal | None = None
    mismatched: list[int] | None = None
    if quiet and (request.want_total or request.bucket_totals is not None):
        totals = device_totals(session, ctx)
        if request.bucket_totals is not None and not (rows or tables):
            mismatched = differing_buckets(totals, request.bucket_totals)
        else:  # the laptop compares once this page is applied
            count, high, low = grand_total(totals.values())
            total = DigestTotal(count=count, high=high, low=low)
    old_digests = None
    if request.want_digest and quiet:
        old_digests = digests(held_versions(session, ctx, held_jobs(session, ctx.device_id)))
    return PullResponse(
        protocol=PROTOCOL_VERSION,
        rows=rows,
        jobs=sent_jobs,
        evict_jobs=evict,
        cursor=cursor,
        has_more=has_more,
        digests=old_digests,
        scope_total=total,
        mismatched_buckets=mismatched,
        tables=tables,
    )


_BLOCKS: TypeAdapter[list[RowBlock]] = TypeAdapter(list[RowBlock])


def page_json(answer: PullResponse) -> bytes:
    """A page as JSON. Its column blocks are serialised on their own: through the message's
    serializer (which leaves unused fields out) every value was copied once more on the way."""
    if not answer.tables:
        return answer.model_dump_json().encode()
    rest = answer.model_copy(update={"tables": None}).model_dump_json().encode()
    return rest[:-1] + b',"tables":' + _BLOCKS.dump_json(answer.tables) + b"}"


def resync(session: Session, ctx: DeviceContext, request: ResyncRequest) -> ResyncResponse:
    """Every row of one bucket the device should hold: the repair for a digest mismatch."""
    if request.bucket == GLOBAL_BUCKET:
        ids = list(global_record_ids(session, ctx))
    else:
        held = held_jobs(session, ctx.device_id)
        jobs = sorted(j for j in held if bucket_for(j) == request.bucket)
        # The bucket's jobs whole (a job never arrives without the customer and item it points
        # at, whatever bucket those are in), and the customers and items of the bucket that any
        # held job uses.
        ids = list(job_record_ids(session, jobs))
        for chunk in chunks(sorted(held)):
            for customer_id, item_id in session.execute(
                select(Job.customer_id, Job.item_id).where(Job.id.in_(chunk))
            ):
                for table, rid in (("customers", customer_id), ("customer_items", item_id)):
                    if rid is not None and bucket_for(rid) == request.bucket:
                        ids.append((table, rid))
    rows = [s for s in row_states(session, ids) if s.fields is not None]
    return ResyncResponse(protocol=PROTOCOL_VERSION, bucket=request.bucket, rows=rows)

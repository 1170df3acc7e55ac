"""Push: apply a device's mutations exactly once, field by field, owner winning a genuine clash.

A batch is applied in one savepoint with one flush, its records loaded with one query per table
(`push_lookup.BatchLookup`). A refused mutation is answered as processed-with-rejection (and
logged on both sides) while the ones behind it still apply. Should the database refuse the batch
as a whole (a constraint), it is rolled back and applied again one savepoint per mutation, so
that only the mutation at fault is rejected. The batch first takes the sync clock's lock, so a
retried batch racing its own first attempt waits for it and then finds every mutation answered.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import exc, insert, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import Side
from fieldtech.models import ConflictEntry, Job
from fieldtech.rules.ownership import BOOKKEEPING, OFFICE_TABLES, owner
from fieldtech.store.codec import decode_row, encode_value
from sync.protocol.schemas import (
    PROTOCOL_VERSION,
    Conflict,
    Mutation,
    MutationResult,
    PushRequest,
    PushResponse,
)
from sync.server.replication.capture import SIDE, TECHNICIAN, next_seqs, record_change
from sync.server.replication.push_lookup import BatchLookup, Lookup, chunked
from sync.server.replication.registry import JOB_TABLES, MODELS
from sync.server.replication.scope import DeviceContext
from sync.server.replication.stamps import read as read_stamps
from sync.server.replication.tables import AppliedMutation, RecordMeta

# Errors the database raises for one bad record: the mutation is refused, the queue goes on.
RECORD_ERRORS = (exc.IntegrityError, exc.DataError)


class RefusedError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _job_for_insert(look: Lookup, table: str, values: dict[str, Any]) -> uuid.UUID | None:
    if table == "jobs":
        return values.get("id")
    if table in ("return_receipts", "item_movements") and values.get("pickup_id"):
        return look.pickup_job(values["pickup_id"])
    return values.get("job_id")


def _check_job_access(look: Lookup, ctx: DeviceContext, job_id: uuid.UUID | None) -> Job | None:
    if job_id is None:
        raise RefusedError("missing_job", "the record names no job; it cannot be filed")
    job: Job | None = look.get(Job, job_id)
    if job is None:
        raise RefusedError("missing_job", "the job it belongs to is not at the office")
    meta = look.meta(job_id)
    mine = job.technician_id == ctx.technician_id or (
        meta is not None and meta.creator_technician_id == ctx.technician_id
    )
    if not mine and job_id not in look.held():
        raise RefusedError("not_your_job", f"job {job.ticket_number} is not assigned to you")
    return job


def _check_frozen(look: Lookup, table: str, job: Job | None, values: dict[str, Any]) -> None:
    if job is None or table not in JOB_TABLES or table == "signatures":
        return
    if table == "jobs" and values.get("revision", job.revision) > job.revision:
        return  # a new revision: the change that unfreezes
    if look.frozen(job):
        raise RefusedError(
            "frozen",
            f"job {job.ticket_number} revision {job.revision} is signed by the customer; "
            "changes need a new revision and a new signature",
        )


def _apply_fields(look: Lookup, m: Mutation, obj: Any, values: dict[str, Any]) -> list[Conflict]:
    meta = look.meta(m.record_id)
    stamps = read_stamps(meta.stamps if meta is not None else None)
    conflicts = []
    for field, new in values.items():
        if field in BOOKKEEPING:
            continue
        current = getattr(obj, field)
        if current == new:
            continue
        stamp = stamps.of(field)
        clash = (
            stamp is not None
            and stamp[1] == Side.OFFICE
            and stamp[0] > m.base_cursor
            and not look.rewritten(m.record_id, field)
        )
        if clash:
            winner = owner(m.table, field)
            kept, lost = (current, new) if winner == Side.OFFICE else (new, current)
            conflicts.append(
                Conflict(
                    table=m.table,
                    record_id=m.record_id,
                    field=field,
                    kept_value=encode_value(kept),
                    lost_value=encode_value(lost),
                    kept_side=winner.value,
                    reason="same_field_edit",
                )
            )
            if winner == Side.OFFICE:
                continue
        setattr(obj, field, new)
        look.wrote(m.record_id, field)
    return conflicts


def _apply(look: Lookup, ctx: DeviceContext, m: Mutation) -> list[Conflict]:
    session = look.session
    model = MODELS.get(m.table)
    if model is None or m.table in OFFICE_TABLES:
        raise RefusedError("not_writable", f"{m.table} cannot be changed from a laptop")
    try:
        values = decode_row(model.__mapper__, m.fields)
    except KeyError as missing:
        raise RefusedError("unknown_field", f"{m.table} has no field {missing}") from None
    except (ValueError, TypeError, ArithmeticError) as bad:
        raise RefusedError("bad_value", f"a value of {m.table} could not be read: {bad}") from None
    if values.get("id", m.record_id) != m.record_id:
        raise RefusedError("bad_value", "the record id in the fields does not match the mutation")
    look.before(m, values)
    obj = look.get(model, m.record_id)
    if m.table == "van_stock":
        stock_owner = values.get("technician_id", getattr(obj, "technician_id", None))
        if stock_owner != ctx.technician_id:
            raise RefusedError("not_yours", "van stock of another technician")
    job = None
    if m.table in JOB_TABLES:
        if obj is not None:
            job_id = look.job_of(m.table, obj)
        else:
            job_id = _job_for_insert(look, m.table, {**values, "id": m.record_id})
        if m.table == "jobs" and obj is None:
            if values.get("technician_id") != ctx.technician_id:
                raise RefusedError(
                    "not_your_job", "a job opened on a laptop must be assigned to you"
                )
        else:
            job = _check_job_access(look, ctx, job_id)
        _check_frozen(look, m.table, job, values)
        if m.table == "signatures":
            look.signatures_changed(job_id)
    if m.op == "delete":
        if obj is not None:
            session.delete(obj)
            look.removed(obj)
        return []
    if obj is None:
        if m.op == "update":
            gone = look.deleted_at_office(m.record_id)
            raise RefusedError(
                "deleted" if gone else "missing",
                "the record was deleted at the office"
                if gone
                else "the record is not at the office",
            )
        obj = model(**{**values, "id": m.record_id})
        session.add(obj)
        look.added(m.table, obj)
        return []
    conflicts = _apply_fields(look, m, obj, values)
    look.changed()
    return conflicts


def _log_conflicts(session: Session, conflicts: list[Conflict]) -> None:
    for c in conflicts:
        session.add(
            ConflictEntry(
                table_name=c.table,
                record_id=c.record_id,
                field=c.field,
                kept_value=None if c.kept_value is None else str(c.kept_value),
                lost_value=None if c.lost_value is None else str(c.lost_value),
                kept_side=Side(c.kept_side),
                reason=c.reason,
            )
        )


def _touch(session: Session, m: Mutation) -> None:
    """Make the record come back in the device's next pull, as the office holds it."""
    connection = session.connection()
    meta = connection.execute(
        select(RecordMeta.job_id, RecordMeta.deleted).where(RecordMeta.record_id == m.record_id)
    ).first()
    record_change(
        connection,
        seq=next_seqs(connection, 1),
        table=m.table if m.table in MODELS else "jobs",
        record_id=m.record_id,
        job_id=meta.job_id if meta is not None else None,
        fields=[],
        side="office",
        deleted=meta.deleted if meta is not None else True,
    )
    session.expire_all()


def _rejection(m: Mutation, reason: str, message: str) -> MutationResult:
    lost = Conflict(
        table=m.table if m.table in MODELS else "jobs",
        record_id=m.record_id,
        field="",
        lost_value={"op": m.op, "fields": m.fields},
        kept_side="office",
        reason=reason,
    )
    return MutationResult(
        mutation_id=m.mutation_id,
        status="rejected",
        reason=reason,
        message=message,
        conflicts=[lost],
    )


def _settle(session: Session, m: Mutation, result: MutationResult) -> None:
    _log_conflicts(session, result.conflicts)
    if result.status == "rejected" and m.table in MODELS:
        _touch(session, m)


def _apply_one(session: Session, ctx: DeviceContext, m: Mutation) -> MutationResult:
    try:
        with session.begin_nested():
            conflicts = _apply(Lookup(session, ctx), ctx, m)
        result = MutationResult(mutation_id=m.mutation_id, status="applied", conflicts=conflicts)
    except RefusedError as refusal:
        result = _rejection(m, refusal.reason, refusal.message)
    except RECORD_ERRORS as broken:
        result = _rejection(
            m, "constraint", f"the office refused the {m.table} record: {broken.orig}"
        )
    _settle(session, m, result)
    return result


def _applied_row(ctx: DeviceContext, result: MutationResult) -> dict[str, Any]:
    return {
        "mutation_id": result.mutation_id,
        "device_id": ctx.device_id,
        "result": result.model_dump(mode="json"),
    }


def _apply_batch(
    session: Session, ctx: DeviceContext, mutations: Sequence[Mutation]
) -> list[MutationResult]:
    """Every mutation in one flush; raises the database's error if the batch breaks as a whole."""
    with session.begin_nested():
        look = BatchLookup(session, ctx, mutations)
        results = []
        with session.no_autoflush:
            for m in mutations:
                try:
                    conflicts = _apply(look, ctx, m)
                except RefusedError as refusal:
                    results.append(_rejection(m, refusal.reason, refusal.message))
                    continue
                results.append(
                    MutationResult(mutation_id=m.mutation_id, status="applied", conflicts=conflicts)
                )
            session.flush()
        for m, result in zip(mutations, results, strict=True):
            _settle(session, m, result)
        session.execute(insert(AppliedMutation), [_applied_row(ctx, r) for r in results])
    return results


def _apply_each(
    session: Session, ctx: DeviceContext, mutations: Sequence[Mutation]
) -> list[MutationResult]:
    """One savepoint per mutation: only the one at fault is refused."""
    results = []
    for m in mutations:
        result = _apply_one(session, ctx, m)
        session.execute(insert(AppliedMutation), [_applied_row(ctx, result)])
        results.append(result)
    return results


def _answered(session: Session, mutations: Sequence[Mutation]) -> dict[uuid.UUID, MutationResult]:
    out = {}
    for chunk in chunked({m.mutation_id for m in mutations}):
        query = select(AppliedMutation.mutation_id, AppliedMutation.result).where(
            AppliedMutation.mutation_id.in_(chunk)
        )
        out.update({i: MutationResult.model_validate(r) for i, r in session.execute(query)})
    return out


def push(session: Session, ctx: DeviceContext, request: PushRequest) -> PushResponse:
    """Apply a batch inside the caller's transaction; the caller commits."""
    side, technician = session.info.get(SIDE), session.info.get(TECHNICIAN)
    session.info[SIDE] = "technician"
    session.info[TECHNICIAN] = ctx.technician_id
    try:
        next_seqs(session.connection(), 0)
        done = _answered(session, request.mutations)
        fresh: dict[uuid.UUID, Mutation] = {}
        for m in request.mutations:
            if m.mutation_id not in done:
                fresh.setdefault(m.mutation_id, m)
        todo = list(fresh.values())
        try:
            applied = _apply_batch(session, ctx, todo) if todo else []
        except RECORD_ERRORS:
            session.expire_all()
            applied = _apply_each(session, ctx, todo)
    finally:
        session.info[SIDE], session.info[TECHNICIAN] = side, technician
    by_id = {r.mutation_id: r for r in applied}
    results = []
    for m in request.mutations:
        if m.mutation_id in done:
            results.append(done[m.mutation_id].model_copy(update={"duplicate": True}))
        elif m.mutation_id in fresh:
            # The same id twice in one batch: the second hears the first one's answer.
            results.append(by_id[m.mutation_id])
            done[m.mutation_id] = by_id[m.mutation_id]
    return PushResponse(protocol=PROTOCOL_VERSION, results=results)

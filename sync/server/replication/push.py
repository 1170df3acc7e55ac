"""Push: apply a device's mutations exactly once, field by field, owner winning a genuine clash.

One transaction per batch, one savepoint per mutation: a refused mutation is answered as
processed-with-rejection (and logged on both sides) while the ones behind it still apply. The
batch first takes the sync clock's lock, so a retried batch racing its own first attempt waits
for it and then finds every mutation already answered.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import exc, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import DocumentKind, Side, SignerRole
from fieldtech.models import ConflictEntry, Job, Signature
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
from sync.server.replication.registry import JOB_TABLES, MODELS, SHARED_TABLES, job_of
from sync.server.replication.scope import DeviceContext, held_jobs, pickup_job
from sync.server.replication.tables import AppliedMutation, RecordMeta


class RefusedError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _job_for_insert(session: Session, table: str, values: dict[str, Any]) -> uuid.UUID | None:
    if table == "jobs":
        return values.get("id")
    if table in ("return_receipts", "item_movements") and values.get("pickup_id"):
        return pickup_job(session, values["pickup_id"])
    return values.get("job_id")


def _check_job_access(session: Session, ctx: DeviceContext, job_id: uuid.UUID | None) -> Job | None:
    if job_id is None:
        raise RefusedError("missing_job", "the record names no job; it cannot be filed")
    job = session.get(Job, job_id)
    if job is None:
        raise RefusedError("missing_job", "the job it belongs to is not at the office")
    meta = session.get(RecordMeta, job_id)
    mine = job.technician_id == ctx.technician_id or (
        meta is not None and meta.creator_technician_id == ctx.technician_id
    )
    if not mine and job_id not in held_jobs(session, ctx.device_id):
        raise RefusedError("not_your_job", f"job {job.ticket_number} is not assigned to you")
    return job


def _frozen(session: Session, job: Job) -> bool:
    return (
        session.scalar(
            select(Signature.id).where(
                Signature.job_id == job.id,
                Signature.document_kind == DocumentKind.REPAIR_SLIP,
                Signature.signer_role == SignerRole.CUSTOMER,
                Signature.revision == job.revision,
            )
        )
        is not None
    )


def _check_frozen(session: Session, table: str, job: Job | None, values: dict[str, Any]) -> None:
    if job is None or table not in JOB_TABLES or table == "signatures":
        return
    if table == "jobs" and values.get("revision", job.revision) > job.revision:
        return  # a new revision: the change that unfreezes
    if _frozen(session, job):
        raise RefusedError(
            "frozen",
            f"job {job.ticket_number} revision {job.revision} is signed by the customer; "
            "changes need a new revision and a new signature",
        )


def _apply_fields(
    session: Session, m: Mutation, obj: Any, values: dict[str, Any]
) -> list[Conflict]:
    meta = session.get(RecordMeta, m.record_id)
    stamps = meta.stamps if meta is not None else {}
    conflicts = []
    for field, new in values.items():
        if field in BOOKKEEPING:
            continue
        current = getattr(obj, field)
        if current == new:
            continue
        stamp = stamps.get(field)
        clash = stamp is not None and stamp[1] == Side.OFFICE and stamp[0] > m.base_cursor
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
    return conflicts


def _apply(session: Session, ctx: DeviceContext, m: Mutation) -> list[Conflict]:
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
    obj = session.get(model, m.record_id)
    if m.table == "van_stock":
        stock_owner = values.get("technician_id", getattr(obj, "technician_id", None))
        if stock_owner != ctx.technician_id:
            raise RefusedError("not_yours", "van stock of another technician")
    job = None
    if m.table in JOB_TABLES:
        if obj is not None:
            job_id = job_of(session, m.table, obj)
        else:
            job_id = _job_for_insert(session, m.table, {**values, "id": m.record_id})
        if m.table == "jobs" and obj is None:
            if values.get("technician_id") != ctx.technician_id:
                raise RefusedError(
                    "not_your_job", "a job opened on a laptop must be assigned to you"
                )
        else:
            job = _check_job_access(session, ctx, job_id)
        _check_frozen(session, m.table, job, values)
    elif m.table in SHARED_TABLES and obj is not None and m.op != "insert":
        pass  # customers and items: the field owners settle any clash below
    if m.op == "delete":
        if obj is not None:
            session.delete(obj)
            session.flush()
        return []
    if obj is None:
        if m.op == "update":
            meta = session.get(RecordMeta, m.record_id)
            gone = meta is not None and meta.deleted
            raise RefusedError(
                "deleted" if gone else "missing",
                "the record was deleted at the office"
                if gone
                else "the record is not at the office",
            )
        obj = model(**{**values, "id": m.record_id})
        session.add(obj)
        session.flush()
        return []
    conflicts = _apply_fields(session, m, obj, values)
    session.flush()
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
    meta = session.get(RecordMeta, m.record_id)
    seq = next_seqs(session.connection(), 1)
    record_change(
        session.connection(),
        seq=seq,
        table=m.table if m.table in MODELS else "jobs",
        record_id=m.record_id,
        job_id=meta.job_id if meta is not None else None,
        fields=[],
        side="office",
        deleted=meta.deleted if meta is not None else True,
    )
    session.expire_all()


def _apply_one(session: Session, ctx: DeviceContext, m: Mutation) -> MutationResult:
    try:
        with session.begin_nested():
            conflicts = _apply(session, ctx, m)
        _log_conflicts(session, conflicts)
        return MutationResult(mutation_id=m.mutation_id, status="applied", conflicts=conflicts)
    except RefusedError as refusal:
        reason, message = refusal.reason, refusal.message
    except exc.IntegrityError as broken:
        reason = "constraint"
        message = f"the office refused the {m.table} record: {broken.orig}"
    lost = Conflict(
        table=m.table if m.table in MODELS else "jobs",
        record_id=m.record_id,
        field="",
        lost_value={"op": m.op, "fields": m.fields},
        kept_side="office",
        reason=reason,
    )
    _log_conflicts(session, [lost])
    if m.table in MODELS:
        _touch(session, m)
    return MutationResult(
        mutation_id=m.mutation_id,
        status="rejected",
        reason=reason,
        message=message,
        conflicts=[lost],
    )


def push(session: Session, ctx: DeviceContext, request: PushRequest) -> PushResponse:
    """Apply a batch inside the caller's transaction; the caller commits."""
    results = []
    side, technician = session.info.get(SIDE), session.info.get(TECHNICIAN)
    session.info[SIDE] = "technician"
    session.info[TECHNICIAN] = ctx.technician_id
    try:
        next_seqs(session.connection(), 0)
        for m in request.mutations:
            done = session.get(AppliedMutation, m.mutation_id)
            if done is not None:
                stored = MutationResult.model_validate(done.result)
                results.append(stored.model_copy(update={"duplicate": True}))
                continue
            result = _apply_one(session, ctx, m)
            session.add(
                AppliedMutation(
                    mutation_id=m.mutation_id,
                    device_id=ctx.device_id,
                    result=result.model_dump(mode="json"),
                )
            )
            session.flush()
            results.append(result)
    finally:
        session.info[SIDE], session.info[TECHNICIAN] = side, technician
    return PushResponse(protocol=PROTOCOL_VERSION, results=results)

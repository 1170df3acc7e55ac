"""Gathering everything recorded on one job for the job page: one query per kind of record."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.models import (
    AdviceNote,
    Attachment,
    ChargeLine,
    Complaint,
    ConflictEntry,
    Diagnosis,
    FollowUp,
    ItemMovement,
    Job,
    PartUsed,
    Payment,
    PickupReceipt,
    ReturnReceipt,
    Signature,
    Visit,
)
from sync.server import audit
from sync.server.job_queries import job_public
from sync.server.schemas import job_detail as s

Model = TypeVar("Model", bound=BaseModel)


def _rows(session: Session, model: Any, schema: type[Model], job_id: uuid.UUID) -> list[Model]:
    statement = select(model).where(model.job_id == job_id).order_by(model.created_at, model.id)
    return [schema.model_validate(row) for row in session.scalars(statement)]


def _pickups(session: Session, job_id: uuid.UUID) -> list[s.PickupPublic]:
    pickups = session.scalars(
        select(PickupReceipt).where(PickupReceipt.job_id == job_id).order_by(PickupReceipt.taken_at)
    )
    result = []
    for pickup in pickups:
        movements = session.scalars(
            select(ItemMovement)
            .where(ItemMovement.pickup_id == pickup.id)
            .order_by(ItemMovement.at)
        )
        returns = session.scalars(select(ReturnReceipt).where(ReturnReceipt.pickup_id == pickup.id))
        result.append(
            s.PickupPublic.model_validate(
                {
                    **{
                        name: getattr(pickup, name)
                        for name in s.PickupPublic.model_fields
                        if name not in ("movements", "returns")
                    },
                    "movements": [s.MovementPublic.model_validate(m) for m in movements],
                    "returns": [s.ReturnReceiptPublic.model_validate(r) for r in returns],
                }
            )
        )
    return result


def job_detail(session: Session, job: Job) -> s.JobDetail:
    detail = s.JobDetail(
        job=job_public(job),
        visits=_rows(session, Visit, s.VisitPublic, job.id),
        diagnoses=_rows(session, Diagnosis, s.DiagnosisPublic, job.id),
        advice=_rows(session, AdviceNote, s.AdvicePublic, job.id),
        parts=_rows(session, PartUsed, s.PartPublic, job.id),
        charges=_rows(session, ChargeLine, s.ChargePublic, job.id),
        payments=_rows(session, Payment, s.PaymentPublic, job.id),
        signatures=_rows(session, Signature, s.SignaturePublic, job.id),
        attachments=_rows(session, Attachment, s.AttachmentPublic, job.id),
        pickups=_pickups(session, job.id),
        follow_ups=_rows(session, FollowUp, s.FollowUpPublic, job.id),
        complaints=_rows(session, Complaint, s.ComplaintPublic, job.id),
        conflicts=[],
        audit=[s.AuditPublic.model_validate(e) for e in audit.history(session, "job", job.id)],
    )
    record_ids = {job.id}
    for group in (
        detail.visits,
        detail.diagnoses,
        detail.advice,
        detail.parts,
        detail.charges,
        detail.payments,
        detail.signatures,
        detail.attachments,
        detail.pickups,
        detail.follow_ups,
        detail.complaints,
    ):
        record_ids.update(row.id for row in group)
    conflicts = session.scalars(
        select(ConflictEntry)
        .where(ConflictEntry.record_id.in_(record_ids))
        .order_by(ConflictEntry.created_at)
    )
    detail.conflicts = [s.ConflictPublic.model_validate(c) for c in conflicts]
    return detail

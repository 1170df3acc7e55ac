"""Everything recorded on one job, as the job page and API clients read it."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from fieldtech.domain.enums import (
    AttachmentKind,
    ChargeKind,
    ComplaintConcern,
    ComplaintRoute,
    ComplaintStatus,
    DocumentKind,
    FollowUpKind,
    MovementKind,
    PaymentMethod,
    Side,
    SignerRole,
)
from sync.server.schemas.jobs import JobPublic


class Row(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: dt.datetime


class VisitPublic(Row):
    technician_id: uuid.UUID | None
    arrived_at: dt.datetime | None
    departed_at: dt.datetime | None


class DiagnosisPublic(Row):
    visit_id: uuid.UUID | None
    symptoms: str
    cause: str
    fault_code: str
    checks_done: str


class AdvicePublic(Row):
    text: str


class PartPublic(Row):
    part_number: str
    description: str
    quantity: int
    serial_removed: str
    serial_fitted: str
    unit_price: Decimal


class ChargePublic(Row):
    kind: ChargeKind
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal


class PaymentPublic(Row):
    technician_id: uuid.UUID | None
    method: PaymentMethod
    amount: Decimal
    receipt_number: str
    taken_at: dt.datetime


class SignaturePublic(Row):
    """The strokes stay out of the listing; the image is fetched by its hash."""

    document_kind: DocumentKind
    subject_id: uuid.UUID
    revision: int
    signer_role: SignerRole
    printed_name: str
    signed_at: dt.datetime
    image_sha256: str
    content_hash: str


class AttachmentPublic(Row):
    kind: AttachmentKind
    receipt_id: uuid.UUID | None
    sha256: str
    filename: str
    media_type: str
    size: int


class MovementPublic(Row):
    kind: MovementKind
    at: dt.datetime
    by_name: str
    note: str


class ReturnReceiptPublic(Row):
    receipt_number: str
    returned_at: dt.datetime
    work_done: str
    condition_on_return: str
    charges_total: Decimal


class PickupPublic(Row):
    receipt_number: str
    condition: str
    accessories: list[Any]
    reason: str
    taken_at: dt.datetime
    promised_return_date: dt.date
    movements: list[MovementPublic]
    returns: list[ReturnReceiptPublic]


class FollowUpPublic(Row):
    kind: FollowUpKind
    due_date: dt.date
    called_at: dt.datetime | None
    rating: int | None
    notes: str
    escalated: bool


class ComplaintPublic(Row):
    concern: ComplaintConcern
    route: ComplaintRoute
    owner: str
    description: str
    deadline: dt.datetime
    promised_reply_at: dt.datetime
    status: ComplaintStatus


class ConflictPublic(Row):
    table_name: str
    record_id: uuid.UUID
    field: str
    kept_value: str | None
    lost_value: str | None
    kept_side: Side
    reason: str


class AuditPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: dt.datetime
    username: str
    client: str
    action: str
    changes: dict[str, Any]


class JobDetail(BaseModel):
    job: JobPublic
    visits: list[VisitPublic]
    diagnoses: list[DiagnosisPublic]
    advice: list[AdvicePublic]
    parts: list[PartPublic]
    charges: list[ChargePublic]
    payments: list[PaymentPublic]
    signatures: list[SignaturePublic]
    attachments: list[AttachmentPublic]
    pickups: list[PickupPublic]
    follow_ups: list[FollowUpPublic]
    complaints: list[ComplaintPublic]
    conflicts: list[ConflictPublic]
    audit: list[AuditPublic]

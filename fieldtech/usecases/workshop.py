"""Taking an item to the workshop and bringing it back, each against a signed receipt."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Protocol

from fieldtech.domain.enums import DocumentKind, JobStatus, MovementKind, SignerRole
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import ItemMovement, PickupReceipt, ReturnReceipt, Signature, utcnow
from fieldtech.usecases import device, validate
from fieldtech.usecases.common import Db, load_job, move
from fieldtech.usecases.documents import pickup_receipt_hash, return_receipt_hash

RETURN_WITHIN_WORKING_DAYS = 3


class Calendar(Protocol):
    def add_working_days(self, start: dt.date, days: int) -> dt.date: ...


def take_item_back(
    db: Db,
    job_id: uuid.UUID,
    *,
    condition: str,
    accessories: list[str],
    reason: str,
    calendar: Calendar,
    today: dt.date,
    customer_name: str,
    technician_name: str,
) -> PickupReceipt:
    """Issue a pickup receipt numbered offline, promised back within 3 working days, signed by both."""
    cond = validate.text("condition", condition, max_len=validate.LONG, required=True)
    why = validate.text("reason", reason, max_len=validate.LONG, required=True)
    if len(accessories) > 50:
        raise ValidationError("accessories", "lists more than 50 things; group them")
    extras = [validate.text("accessories", a, max_len=200, required=True) for a in accessories]
    customer = validate.text("customer_name", customer_name, required=True)
    technician = validate.text("technician_name", technician_name, required=True)
    with db.begin() as session:
        job = load_job(session, job_id)
        move(job, JobStatus.ITEM_IN_WORKSHOP)
        receipt = PickupReceipt(
            job_id=job.id,
            item_id=job.item_id,
            receipt_number=device.next_receipt_number(session, "P"),
            technician_id=device.technician_id(session),
            condition=cond,
            accessories=extras,
            reason=why,
            taken_at=utcnow(),
            promised_return_date=calendar.add_working_days(today, RETURN_WITHIN_WORKING_DAYS),
        )
        session.add(receipt)
        session.flush()
        digest = pickup_receipt_hash(session, receipt.id)
        for role, name in ((SignerRole.CUSTOMER, customer), (SignerRole.TECHNICIAN, technician)):
            session.add(
                Signature(
                    job_id=job.id,
                    document_kind=DocumentKind.PICKUP_RECEIPT,
                    subject_id=receipt.id,
                    revision=receipt.revision,
                    signer_role=role,
                    printed_name=name,
                    content_hash=digest,
                )
            )
        session.add(ItemMovement(pickup_id=receipt.id, kind=MovementKind.TAKEN, by_name=technician))
        return receipt


def return_item(
    db: Db,
    pickup_id: uuid.UUID,
    *,
    work_done: str,
    condition_on_return: str,
    charges_total: Decimal | str,
    customer_name: str,
) -> ReturnReceipt:
    """The item goes back to the customer against a signed return receipt."""
    work = validate.text("work_done", work_done, max_len=validate.LONG, required=True)
    cond = validate.text("condition_on_return", condition_on_return, max_len=validate.LONG)
    total = validate.money("charges_total", charges_total)
    customer = validate.text("customer_name", customer_name, required=True)
    with db.begin() as session:
        pickup = session.get(PickupReceipt, pickup_id)
        if pickup is None:
            raise NotFoundError(f"pickup receipt {pickup_id} is not on this laptop; sync first")
        job = load_job(session, pickup.job_id)
        receipt = ReturnReceipt(
            pickup_id=pickup.id,
            receipt_number=device.next_receipt_number(session, "R"),
            work_done=work,
            condition_on_return=cond,
            charges_total=total,
        )
        session.add(receipt)
        session.flush()
        session.add(
            Signature(
                job_id=job.id,
                document_kind=DocumentKind.RETURN_RECEIPT,
                subject_id=receipt.id,
                revision=receipt.revision,
                signer_role=SignerRole.CUSTOMER,
                printed_name=customer,
                content_hash=return_receipt_hash(session, receipt.id),
            )
        )
        session.add(ItemMovement(pickup_id=pickup.id, kind=MovementKind.RETURNED))
        move(job, JobStatus.AWAITING_SIGNATURE)
        return receipt

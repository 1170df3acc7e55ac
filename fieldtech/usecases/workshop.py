"""Taking an item to the workshop and bringing it back, each against a signed receipt."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy.orm import Session

from fieldtech.domain.enums import (
    AttachmentKind,
    DocumentKind,
    JobStatus,
    MovementKind,
    SignerRole,
)
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import (
    Attachment,
    Blob,
    ItemMovement,
    PickupReceipt,
    ReturnReceipt,
    Signature,
    utcnow,
)
from fieldtech.usecases import device, validate
from fieldtech.usecases.attachments import put_blob
from fieldtech.usecases.common import Db, load_job, move
from fieldtech.usecases.documents import pickup_receipt_hash, return_receipt_hash
from fieldtech.usecases.photos import PhotoRef
from fieldtech.usecases.signoff import _check_strokes as check_strokes

RETURN_WITHIN_WORKING_DAYS = 3
MAX_RECEIPT_PHOTOS = 20


@dataclass(frozen=True, slots=True)
class Ink:
    """A signature as drawn: normalised strokes and the PNG printed on the receipt."""

    strokes: list[Any]
    png: bytes


def _checked_ink(ink: Ink | None, who: str) -> tuple[list[Any], bytes] | None:
    if ink is None:
        return None
    field = f"{who}_signature"
    try:
        strokes = check_strokes(ink.strokes)
    except ValidationError as error:
        raise ValidationError(field, error.reason) from None
    if not ink.png.startswith(b"\x89PNG"):
        raise ValidationError(field, "the signature image is not a PNG; sign again")
    return strokes, ink.png


def _sign(
    session: Session,
    job_id: uuid.UUID,
    kind: DocumentKind,
    subject_id: uuid.UUID,
    revision: int,
    role: SignerRole,
    name: str,
    digest: str,
    ink: tuple[list[Any], bytes] | None,
    number: str,
) -> None:
    image = ""
    if ink is not None:
        image = put_blob(session, ink[1])
        session.add(
            Attachment(
                job_id=job_id,
                receipt_id=subject_id,
                kind=AttachmentKind.SIGNATURE,
                sha256=image,
                filename=f"signature-{number}-{role.value}.png",
                media_type="image/png",
                size=len(ink[1]),
            )
        )
    session.add(
        Signature(
            job_id=job_id,
            document_kind=kind,
            subject_id=subject_id,
            revision=revision,
            signer_role=role,
            printed_name=name,
            strokes=ink[0] if ink is not None else [],
            image_sha256=image,
            content_hash=digest,
        )
    )


def _attach_photos(
    session: Session, job_id: uuid.UUID, receipt_id: uuid.UUID, photos: Sequence[PhotoRef]
) -> None:
    if len(photos) > MAX_RECEIPT_PHOTOS:
        raise ValidationError(
            "photos", f"are {len(photos)}; keep at most {MAX_RECEIPT_PHOTOS} on one receipt"
        )
    for photo in photos:
        if session.get(Blob, photo.sha256) is None:
            raise ValidationError(
                "photos", f"{photo.filename} is no longer on this laptop; add it again"
            )
        session.add(
            Attachment(
                job_id=job_id,
                receipt_id=receipt_id,
                kind=AttachmentKind.PHOTO,
                sha256=photo.sha256,
                filename=photo.filename,
                media_type=photo.media_type,
                size=photo.size,
            )
        )


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
    photos: Sequence[PhotoRef] = (),
    customer_ink: Ink | None = None,
    technician_ink: Ink | None = None,
) -> PickupReceipt:
    """Issue a pickup receipt numbered offline, promised back within 3 working days, signed by both.

    The photos are part of what both sign; each signature's image is printed on the receipt.
    """
    cond = validate.text("condition", condition, max_len=validate.LONG, required=True)
    why = validate.text("reason", reason, max_len=validate.LONG, required=True)
    if len(accessories) > 50:
        raise ValidationError("accessories", "lists more than 50 things; group them")
    extras = [validate.text("accessories", a, max_len=200, required=True) for a in accessories]
    customer = validate.text("customer_name", customer_name, required=True)
    technician = validate.text("technician_name", technician_name, required=True)
    inks = {
        SignerRole.CUSTOMER: _checked_ink(customer_ink, "customer"),
        SignerRole.TECHNICIAN: _checked_ink(technician_ink, "technician"),
    }
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
        _attach_photos(session, job.id, receipt.id, photos)
        session.flush()
        digest = pickup_receipt_hash(session, receipt.id)
        for role, name in ((SignerRole.CUSTOMER, customer), (SignerRole.TECHNICIAN, technician)):
            _sign(
                session,
                job.id,
                DocumentKind.PICKUP_RECEIPT,
                receipt.id,
                receipt.revision,
                role,
                name,
                digest,
                inks[role],
                receipt.receipt_number,
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
    customer_ink: Ink | None = None,
) -> ReturnReceipt:
    """The item goes back to the customer against a signed return receipt."""
    work = validate.text("work_done", work_done, max_len=validate.LONG, required=True)
    cond = validate.text("condition_on_return", condition_on_return, max_len=validate.LONG)
    total = validate.money("charges_total", charges_total)
    customer = validate.text("customer_name", customer_name, required=True)
    ink = _checked_ink(customer_ink, "customer")
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
        _sign(
            session,
            job.id,
            DocumentKind.RETURN_RECEIPT,
            receipt.id,
            receipt.revision,
            SignerRole.CUSTOMER,
            customer,
            return_receipt_hash(session, receipt.id),
            ink,
            receipt.receipt_number,
        )
        session.add(ItemMovement(pickup_id=pickup.id, kind=MovementKind.RETURNED))
        move(job, JobStatus.AWAITING_SIGNATURE)
        return receipt

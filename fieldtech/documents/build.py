"""Read a job or receipt from the store into the documents' input data (queries only, no commit)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.documents.data import (
    ChargeLine,
    CompanyHeader,
    CustomerInfo,
    ItemInfo,
    PartLine,
    PaymentLine,
    Photo,
    PickupReceiptData,
    RepairSlipData,
    ReturnReceiptData,
    SignatureBlock,
    WarrantyInfo,
)
from fieldtech.domain.enums import AttachmentKind, DocumentKind, SignerRole
from fieldtech.domain.errors import NotFoundError
from fieldtech.models import (
    Attachment,
    Blob,
    Customer,
    CustomerItem,
    Job,
    PartUsed,
    Payment,
    PickupReceipt,
    ReturnReceipt,
    Signature,
    Technician,
)
from fieldtech.models import ChargeLine as ChargeRow

NO_WARRANTY = WarrantyInfo(in_warranty=None, reason="")


def _customer(c: Customer) -> CustomerInfo:
    return CustomerInfo(name=c.name, phone=c.phone, address=c.address)


def _item(item: CustomerItem | None) -> ItemInfo:
    if item is None:
        return ItemInfo()
    return ItemInfo(item.brand, item.model, item.serial, item.purchase_date)


def _technician_name(session: Session, technician_id: uuid.UUID | None) -> str:
    if technician_id is None:
        return ""
    tech = session.get(Technician, technician_id)
    return tech.display_name if tech is not None else ""


def _signature(
    session: Session, kind: DocumentKind, subject_id: uuid.UUID, revision: int, role: SignerRole
) -> SignatureBlock | None:
    """The latest signature of this revision by this signer, with its image from the blob store."""
    row = session.scalars(
        select(Signature)
        .where(
            Signature.document_kind == kind,
            Signature.subject_id == subject_id,
            Signature.revision == revision,
            Signature.signer_role == role,
        )
        .order_by(Signature.signed_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    blob = session.get(Blob, row.image_sha256) if row.image_sha256 else None
    return SignatureBlock(row.printed_name, row.signed_at, blob.data if blob is not None else None)


def _charges(session: Session, job_id: uuid.UUID) -> tuple[ChargeLine, ...]:
    rows = session.scalars(
        select(ChargeRow).where(ChargeRow.job_id == job_id).order_by(ChargeRow.created_at)
    )
    return tuple(
        ChargeLine(r.kind.value, r.description, r.quantity, r.unit_price, r.tax_rate) for r in rows
    )


def repair_slip_data(
    session: Session,
    job_id: uuid.UUID,
    company: CompanyHeader,
    warranty: WarrantyInfo = NO_WARRANTY,
    work_done: str = "",
) -> RepairSlipData:
    """The repair slip of a job as it stands: the latest visit and diagnosis, all parts and charges.

    `warranty` comes from the warranty rule (the documents print it, they do not decide it);
    `work_done` is passed in because the visit record keeps no separate repair-actions text yet.
    """
    job = session.get(Job, job_id)
    if job is None:
        raise NotFoundError(f"job {job_id}: no such job; check the ticket number", job_id=job_id)
    visit = job.visits[-1] if job.visits else None
    diagnosis = job.diagnoses[-1] if job.diagnoses else None
    parts = session.scalars(
        select(PartUsed).where(PartUsed.job_id == job.id).order_by(PartUsed.created_at)
    )
    payments = session.scalars(
        select(Payment).where(Payment.job_id == job.id).order_by(Payment.taken_at)
    )
    return RepairSlipData(
        company=company,
        ticket_number=job.ticket_number,
        revision=job.revision,
        customer=_customer(job.customer),
        item=_item(job.item),
        warranty=warranty,
        technician_name=job.technician.display_name if job.technician else "",
        arrived_at=visit.arrived_at if visit else None,
        departed_at=visit.departed_at if visit else None,
        fault_description=job.fault_description,
        symptoms=diagnosis.symptoms if diagnosis else "",
        cause=diagnosis.cause if diagnosis else "",
        fault_code=diagnosis.fault_code if diagnosis else "",
        checks_done=diagnosis.checks_done if diagnosis else "",
        work_done=work_done,
        parts=tuple(
            PartLine(
                p.part_number,
                p.description,
                p.quantity,
                p.serial_removed,
                p.serial_fitted,
                p.unit_price,
            )
            for p in parts
        ),
        charges=_charges(session, job.id),
        payments=tuple(
            PaymentLine(p.method.value, p.amount, p.receipt_number, p.taken_at) for p in payments
        ),
        advice=tuple(n.text for n in job.advice_notes),
        customer_signature=_signature(
            session, DocumentKind.REPAIR_SLIP, job.id, job.revision, SignerRole.CUSTOMER
        ),
    )


def _photos(session: Session, receipt_id: uuid.UUID) -> tuple[Photo, ...]:
    """A receipt's photos with their bytes from the content-addressed blob store."""
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.receipt_id == receipt_id, Attachment.kind == AttachmentKind.PHOTO)
        .order_by(Attachment.created_at)
    ).all()
    blobs = {
        b.sha256: b.data
        for b in session.scalars(select(Blob).where(Blob.sha256.in_([r.sha256 for r in rows])))
    }
    return tuple(Photo(r.filename or r.sha256[:12], blobs.get(r.sha256), r.sha256) for r in rows)


def pickup_receipt_data(
    session: Session, receipt_id: uuid.UUID, company: CompanyHeader
) -> PickupReceiptData:
    receipt = session.get(PickupReceipt, receipt_id)
    if receipt is None:
        raise NotFoundError(f"pickup receipt {receipt_id}: no such receipt", receipt_id=receipt_id)
    job = receipt.job
    item = session.get(CustomerItem, receipt.item_id) if receipt.item_id else job.item
    sign = DocumentKind.PICKUP_RECEIPT
    return PickupReceiptData(
        company=company,
        receipt_number=receipt.receipt_number,
        ticket_number=job.ticket_number,
        revision=receipt.revision,
        customer=_customer(job.customer),
        item=_item(item),
        taken_at=receipt.taken_at,
        promised_return_date=receipt.promised_return_date,
        technician_name=_technician_name(session, receipt.technician_id),
        condition=receipt.condition,
        accessories=tuple(str(a) for a in receipt.accessories),
        reason=receipt.reason,
        photos=_photos(session, receipt.id),
        customer_signature=_signature(
            session, sign, receipt.id, receipt.revision, SignerRole.CUSTOMER
        ),
        technician_signature=_signature(
            session, sign, receipt.id, receipt.revision, SignerRole.TECHNICIAN
        ),
    )


def return_receipt_data(
    session: Session, receipt_id: uuid.UUID, company: CompanyHeader
) -> ReturnReceiptData:
    receipt = session.get(ReturnReceipt, receipt_id)
    if receipt is None:
        raise NotFoundError(f"return receipt {receipt_id}: no such receipt", receipt_id=receipt_id)
    pickup = receipt.pickup
    job = pickup.job
    item = session.get(CustomerItem, pickup.item_id) if pickup.item_id else job.item
    charges = _charges(session, job.id)
    return ReturnReceiptData(
        company=company,
        receipt_number=receipt.receipt_number,
        pickup_receipt_number=pickup.receipt_number,
        ticket_number=job.ticket_number,
        revision=receipt.revision,
        customer=_customer(job.customer),
        item=_item(item),
        returned_at=receipt.returned_at,
        work_done=receipt.work_done,
        condition_on_return=receipt.condition_on_return,
        charges=charges,
        charges_total=receipt.charges_total if not charges else Decimal("0.00"),
        technician_name=_technician_name(session, pickup.technician_id),
        customer_signature=_signature(
            session, DocumentKind.RETURN_RECEIPT, receipt.id, receipt.revision, SignerRole.CUSTOMER
        ),
        photos=_photos(session, receipt.id),
    )


def job_id_for_ticket(session: Session, ticket_number: str) -> uuid.UUID:
    """The job carrying a ticket number, for commands that name jobs the way customers do."""
    job_id = session.scalars(select(Job.id).where(Job.ticket_number == ticket_number)).first()
    if job_id is None:
        raise NotFoundError(
            f"ticket {ticket_number}: no job has this ticket number; check it (form YYYYMM-NNN)",
            ticket_number=ticket_number,
        )
    return job_id


def latest_pickup_for_job(session: Session, job_id: uuid.UUID) -> uuid.UUID:
    rid = session.scalars(
        select(PickupReceipt.id)
        .where(PickupReceipt.job_id == job_id)
        .order_by(PickupReceipt.taken_at.desc())
        .limit(1)
    ).first()
    if rid is None:
        raise NotFoundError("job: no item was taken back on this job, so it has no pickup receipt")
    return rid


def latest_return_for_job(session: Session, job_id: uuid.UUID) -> uuid.UUID:
    rid = session.scalars(
        select(ReturnReceipt.id)
        .join(PickupReceipt, ReturnReceipt.pickup_id == PickupReceipt.id)
        .where(PickupReceipt.job_id == job_id)
        .order_by(ReturnReceipt.returned_at.desc())
        .limit(1)
    ).first()
    if rid is None:
        raise NotFoundError("job: the item of this job has not been returned yet")
    return rid

"""Return receipts printed at the office: the same document data the laptop signed, with the
signature images and photos read from the office's attachment folder."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.documents.data import (
    ChargeLine,
    CustomerInfo,
    ItemInfo,
    Photo,
    ReturnReceiptData,
    SignatureBlock,
)
from fieldtech.documents.labels import Lang
from fieldtech.documents.layout import Paper
from fieldtech.documents.render import Rendered, render_return_receipt_result
from fieldtech.domain.enums import AttachmentKind, DocumentKind, SignerRole
from fieldtech.domain.errors import NotFoundError
from fieldtech.models import Attachment, CustomerItem, ReturnReceipt, Signature, Technician
from fieldtech.models import ChargeLine as ChargeRow
from fieldtech.usecases.documents import company_header
from sync.server.office_company import office_company
from sync.server.replication.blobs import BlobFolder
from sync.server.settings import Settings


def _bytes(folder: BlobFolder, sha256: str) -> bytes | None:
    return folder.read(sha256) if sha256 and folder.has(sha256) else None


def _signature(
    session: Session, folder: BlobFolder, receipt: ReturnReceipt
) -> SignatureBlock | None:
    row = session.scalars(
        select(Signature)
        .where(
            Signature.document_kind == DocumentKind.RETURN_RECEIPT,
            Signature.subject_id == receipt.id,
            Signature.revision == receipt.revision,
            Signature.signer_role == SignerRole.CUSTOMER,
        )
        .order_by(Signature.signed_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return SignatureBlock(row.printed_name, row.signed_at, _bytes(folder, row.image_sha256))


def _charges(session: Session, job_id: uuid.UUID) -> tuple[ChargeLine, ...]:
    rows = session.scalars(
        select(ChargeRow).where(ChargeRow.job_id == job_id).order_by(ChargeRow.created_at)
    )
    return tuple(
        ChargeLine(r.kind.value, r.description, r.quantity, r.unit_price, r.tax_rate) for r in rows
    )


def return_receipt_data(
    session: Session, settings: Settings, receipt_id: uuid.UUID
) -> ReturnReceiptData:
    """What the return receipt says, built as `fieldtech.documents.build` builds it on the
    laptop, so the printed verification code is the one the customer's signature binds."""
    receipt = session.get(ReturnReceipt, receipt_id)
    if receipt is None:
        raise NotFoundError(f"return receipt {receipt_id}: no such receipt")
    folder = BlobFolder(settings.attachments_folder)
    pickup = receipt.pickup
    job = pickup.job
    item = session.get(CustomerItem, pickup.item_id) if pickup.item_id else job.item
    technician = session.get(Technician, pickup.technician_id) if pickup.technician_id else None
    photos = session.scalars(
        select(Attachment)
        .where(Attachment.receipt_id == receipt.id, Attachment.kind == AttachmentKind.PHOTO)
        .order_by(Attachment.created_at)
    )
    charges = _charges(session, job.id)
    customer = job.customer
    return ReturnReceiptData(
        company=company_header(office_company(session, settings)),
        receipt_number=receipt.receipt_number,
        pickup_receipt_number=pickup.receipt_number,
        ticket_number=job.ticket_number,
        revision=receipt.revision,
        customer=CustomerInfo(name=customer.name, phone=customer.phone, address=customer.address),
        item=ItemInfo(item.brand, item.model, item.serial, item.purchase_date)
        if item
        else ItemInfo(),
        returned_at=receipt.returned_at,
        work_done=receipt.work_done,
        condition_on_return=receipt.condition_on_return,
        charges=charges,
        charges_total=receipt.charges_total if not charges else Decimal("0.00"),
        technician_name=technician.display_name if technician else "",
        customer_signature=_signature(session, folder, receipt),
        photos=tuple(
            Photo(p.filename or p.sha256[:12], _bytes(folder, p.sha256), p.sha256) for p in photos
        ),
    )


def render_return_receipt(
    session: Session, settings: Settings, receipt_id: uuid.UUID, paper: Paper, lang: Lang
) -> Rendered:
    return render_return_receipt_result(
        return_receipt_data(session, settings, receipt_id), paper, lang
    )

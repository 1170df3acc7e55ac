"""The builders read a job and its receipts from the store into document data."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from fieldtech.documents.build import (
    job_id_for_ticket,
    latest_pickup_for_job,
    latest_return_for_job,
    pickup_receipt_data,
    repair_slip_data,
    return_receipt_data,
)
from fieldtech.documents.data import CompanyHeader, WarrantyInfo
from fieldtech.documents.sample import signature_png
from fieldtech.domain.enums import (
    AttachmentKind,
    ChargeKind,
    DocumentKind,
    JobCategory,
    PaymentMethod,
    SignerRole,
)
from fieldtech.domain.errors import NotFoundError
from fieldtech.models import (
    AdviceNote,
    Attachment,
    Base,
    Blob,
    ChargeLine,
    Customer,
    CustomerItem,
    Diagnosis,
    Job,
    PartUsed,
    Payment,
    PickupReceipt,
    ReturnReceipt,
    Signature,
    Technician,
    Visit,
)

COMPANY = CompanyHeader(name="Northwind Service", time_zone="Asia/Shanghai")
AT = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def _job(session: Session) -> Job:
    tech = Technician(username="liwei", display_name="Li Wei 李伟")
    customer = Customer(name="王小明", phone="138", address="北京市朝阳区")
    item = CustomerItem(customer=customer, brand="Haier", model="X1", serial="S1")
    item.purchase_date = dt.date(2025, 3, 14)
    job = Job(
        ticket_number="202611-017",
        customer=customer,
        item=item,
        category=JobCategory.PRODUCT_FAULT,
        technician=tech,
        fault_description="Noisy spin",
    )
    session.add_all([tech, customer, item, job])
    session.flush()
    session.add_all(
        [
            Visit(job_id=job.id, arrived_at=AT, departed_at=AT + dt.timedelta(hours=1)),
            Diagnosis(job_id=job.id, symptoms="grinding", cause="bearing", fault_code="E21"),
            PartUsed(job_id=job.id, part_number="BR-6205", quantity=2, unit_price=Decimal("48.5")),
            ChargeLine(
                job_id=job.id,
                kind=ChargeKind.LABOUR,
                unit_price=Decimal("120"),
                tax_rate=Decimal("0.06"),
            ),
            Payment(
                job_id=job.id,
                method=PaymentMethod.CASH,
                amount=Decimal("127.20"),
                receipt_number="C-1",
            ),
            AdviceNote(job_id=job.id, text="Empty the filter monthly."),
        ]
    )
    session.flush()
    return job


def _sign(
    session: Session, kind: DocumentKind, subject: uuid.UUID, job: Job, role: SignerRole
) -> None:
    png = signature_png(1)
    sha = hashlib.sha256(png).hexdigest()
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, data=png, size=len(png)))
    session.add(
        Signature(
            job_id=job.id,
            document_kind=kind,
            subject_id=subject,
            signer_role=role,
            printed_name="王小明",
            signed_at=AT,
            image_sha256=sha,
            content_hash="0" * 64,
        )
    )
    session.flush()


def test_repair_slip_data_job_with_visit_reads_everything(session: Session) -> None:
    job = _job(session)
    _sign(session, DocumentKind.REPAIR_SLIP, job.id, job, SignerRole.CUSTOMER)
    warranty = WarrantyInfo(in_warranty=True, reason="in_warranty")
    data = repair_slip_data(session, job_id_for_ticket(session, "202611-017"), COMPANY, warranty)
    assert data.ticket_number == "202611-017"
    assert data.customer.name == "王小明"
    assert data.item.purchase_date == dt.date(2025, 3, 14)
    assert data.warranty == warranty
    assert data.technician_name == "Li Wei 李伟"
    assert data.arrived_at == AT
    assert data.fault_code == "E21"
    assert [(p.part_number, p.quantity, p.total) for p in data.parts] == [
        ("BR-6205", 2, Decimal("97.00"))
    ]
    assert data.charges[0].kind == "labour"
    assert data.payments[0].method == "cash"
    assert data.advice == ("Empty the filter monthly.",)
    assert data.customer_signature is not None
    assert data.customer_signature.image_png == signature_png(1)


def test_repair_slip_data_unsigned_revision_has_no_signature(session: Session) -> None:
    job = _job(session)
    _sign(session, DocumentKind.REPAIR_SLIP, job.id, job, SignerRole.CUSTOMER)
    job.revision = 2
    session.flush()
    assert repair_slip_data(session, job.id, COMPANY).customer_signature is None


def test_receipts_data_pickup_and_return_read_back(session: Session) -> None:
    job = _job(session)
    pickup = PickupReceipt(
        job_id=job.id,
        item_id=job.item_id,
        receipt_number="P-K7Q2-000124",
        accessories=["Turntable"],
        reason="workshop",
        taken_at=AT,
        promised_return_date=dt.date(2026, 11, 27),
    )
    session.add(pickup)
    session.flush()
    back = ReturnReceipt(
        pickup_id=pickup.id, receipt_number="R-1", returned_at=AT, work_done="fixed"
    )
    session.add(back)
    session.flush()
    _sign(session, DocumentKind.PICKUP_RECEIPT, pickup.id, job, SignerRole.TECHNICIAN)
    photo = signature_png(2)
    sha = hashlib.sha256(photo).hexdigest()
    session.add(Blob(sha256=sha, data=photo, size=len(photo)))
    session.add_all(
        [
            Attachment(
                receipt_id=pickup.id, kind=AttachmentKind.PHOTO, sha256=sha, filename="front.png"
            ),
            Attachment(
                receipt_id=pickup.id,
                kind=AttachmentKind.PHOTO,
                sha256="f" * 64,
                filename="back.jpg",
            ),
        ]
    )
    session.flush()
    p = pickup_receipt_data(session, latest_pickup_for_job(session, job.id), COMPANY)
    assert [(ph.name, ph.source, ph.sha256) for ph in p.photos] == [
        ("front.png", photo, sha),
        ("back.jpg", None, "f" * 64),
    ]
    assert (p.receipt_number, p.ticket_number, p.accessories) == (
        "P-K7Q2-000124",
        "202611-017",
        ("Turntable",),
    )
    assert p.customer_signature is None
    assert p.technician_signature is not None
    r = return_receipt_data(session, latest_return_for_job(session, job.id), COMPANY)
    assert (r.receipt_number, r.pickup_receipt_number, r.work_done) == (
        "R-1",
        "P-K7Q2-000124",
        "fixed",
    )
    assert r.item.serial == "S1"


def test_job_id_for_ticket_unknown_raises_not_found(session: Session) -> None:
    with pytest.raises(NotFoundError, match="no job has this ticket number"):
        job_id_for_ticket(session, "209912-999")


def test_builders_never_commit(session: Session) -> None:
    job = _job(session)
    repair_slip_data(session, job.id, COMPANY)
    session.rollback()
    assert session.get(Job, job.id) is None

"""What the job screen shows, read from the store as plain values on the database worker."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from fieldtech.domain.enums import ChargeKind, JobStatus, PaymentMethod
from fieldtech.models import ChargeLine, Diagnosis, PartUsed, Payment, VanStock, Visit
from fieldtech.rules.warranty import WarrantyDecision, warranty_status
from fieldtech.usecases import device
from fieldtech.usecases.common import Db, current_signature, load_job


@dataclass(frozen=True, slots=True)
class PartLine:
    part_number: str
    description: str
    quantity: int
    serial_removed: str
    serial_fitted: str
    unit_price: Decimal


@dataclass(frozen=True, slots=True)
class ChargeRow:
    kind: ChargeKind
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal

    @property
    def total(self) -> Decimal:
        return (self.quantity * self.unit_price * (1 + self.tax_rate)).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class PaymentRow:
    method: PaymentMethod
    amount: Decimal
    receipt_number: str
    taken_at: dt.datetime


@dataclass(frozen=True, slots=True)
class StockLine:
    part_number: str
    description: str
    quantity: int
    unit_price: Decimal


@dataclass(frozen=True)
class JobDetail:
    id: uuid.UUID
    ticket: str
    status: JobStatus
    revision: int
    frozen: bool
    """Signed by the customer at this revision: read-only until a new revision starts."""
    customer_name: str
    phone: str
    address: str
    brand: str
    model: str
    serial: str
    purchase_date: dt.date | None
    category_name: str
    warranty: WarrantyDecision | None
    """None when the item has no product category, so no warranty period is known."""
    fault: str
    arrived_at: dt.datetime | None
    departed_at: dt.datetime | None
    symptoms: str
    cause: str
    fault_code: str
    checks_done: str
    parts: tuple[PartLine, ...]
    charges: tuple[ChargeRow, ...]
    payments: tuple[PaymentRow, ...]
    advice: tuple[str, ...]

    @property
    def on_site(self) -> bool:
        """An arrival without a departure is recorded."""
        return self.arrived_at is not None and self.departed_at is None


def load_detail(db: Db, job_id: uuid.UUID, today: dt.date) -> JobDetail:
    with db() as session:
        job = load_job(session, job_id)
        item = job.item
        warranty = None
        if item is not None and item.category is not None:
            purchase = (
                item.purchase_date if item.purchase_date and item.purchase_date <= today else None
            )
            warranty = warranty_status(purchase, item.category.warranty_months, today)
        visit = session.scalar(
            select(Visit).where(Visit.job_id == job.id).order_by(Visit.arrived_at.desc()).limit(1)
        )
        diagnosis = session.scalar(select(Diagnosis).where(Diagnosis.job_id == job.id).limit(1))
        parts = session.scalars(
            select(PartUsed).where(PartUsed.job_id == job.id).order_by(PartUsed.created_at)
        )
        charges = session.scalars(
            select(ChargeLine).where(ChargeLine.job_id == job.id).order_by(ChargeLine.created_at)
        )
        payments = session.scalars(
            select(Payment).where(Payment.job_id == job.id).order_by(Payment.taken_at)
        )
        return JobDetail(
            id=job.id,
            ticket=job.ticket_number,
            status=job.status,
            revision=job.revision,
            frozen=current_signature(session, job) is not None,
            customer_name=job.customer.name,
            phone=job.customer.phone,
            address=job.customer.address,
            brand=item.brand if item else "",
            model=item.model if item else "",
            serial=item.serial if item else "",
            purchase_date=item.purchase_date if item else None,
            category_name=item.category.name if item and item.category else "",
            warranty=warranty,
            fault=job.fault_description,
            arrived_at=visit.arrived_at if visit else None,
            departed_at=visit.departed_at if visit else None,
            symptoms=diagnosis.symptoms if diagnosis else "",
            cause=diagnosis.cause if diagnosis else "",
            fault_code=diagnosis.fault_code if diagnosis else "",
            checks_done=diagnosis.checks_done if diagnosis else "",
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
            charges=tuple(
                ChargeRow(c.kind, c.description, c.quantity, c.unit_price, c.tax_rate)
                for c in charges
            ),
            payments=tuple(
                PaymentRow(p.method, p.amount, p.receipt_number, p.taken_at) for p in payments
            ),
            advice=tuple(note.text for note in job.advice_notes),
        )


def van_stock(db: Db) -> list[StockLine]:
    """This technician's van stock, for the part number completer and the stock hint."""
    with db() as session:
        tech = device.technician_id(session)
        if tech is None:
            return []
        rows = session.scalars(
            select(VanStock).where(VanStock.technician_id == tech).order_by(VanStock.part_number)
        )
        return [StockLine(r.part_number, r.description, r.quantity, r.unit_price) for r in rows]

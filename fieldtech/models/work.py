"""Parts, van stock, charges and payments: what was used and what was paid."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.domain.enums import ChargeKind, PaymentMethod
from fieldtech.models.base import Base, Synced, utcnow
from fieldtech.models.jobs import _enum


class PartUsed(Synced, Base):
    __tablename__ = "parts_used"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    part_number: Mapped[str] = mapped_column(String(64), index=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[int] = mapped_column(default=1)
    serial_removed: Mapped[str] = mapped_column(String(100), default="")
    serial_fitted: Mapped[str] = mapped_column(String(100), default="")
    unit_price: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))


class VanStock(Synced, Base):
    """One part line of a technician's van; quantity may go negative (it warns, never blocks)."""

    __tablename__ = "van_stock"
    __table_args__ = (UniqueConstraint("technician_id", "part_number"),)

    technician_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("technicians.id"), index=True)
    part_number: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[int] = mapped_column(default=0)
    unit_price: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))


class ChargeLine(Synced, Base):
    __tablename__ = "charge_lines"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    kind: Mapped[ChargeKind] = mapped_column(_enum(ChargeKind))
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[Decimal] = mapped_column(default=Decimal("1.00"))
    unit_price: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    # Tax rate as a fraction (0.13 for 13 %), kept with the line so old slips reprint unchanged.
    tax_rate: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))


class Payment(Synced, Base):
    __tablename__ = "payments"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod))
    amount: Mapped[Decimal]
    receipt_number: Mapped[str] = mapped_column(String(64), default="")
    taken_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

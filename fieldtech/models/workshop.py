"""Items taken to the workshop: pickup and return receipts and the movements of the repair register."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldtech.domain.enums import MovementKind
from fieldtech.models.base import Base, Synced, utcnow
from fieldtech.models.jobs import Job, _enum


class PickupReceipt(Synced, Base):
    __tablename__ = "pickup_receipts"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer_items.id"))
    receipt_number: Mapped[str] = mapped_column(String(32), unique=True)
    technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))
    condition: Mapped[str] = mapped_column(Text, default="")
    accessories: Mapped[list[Any]] = mapped_column(default=list)
    reason: Mapped[str] = mapped_column(Text, default="")
    taken_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    promised_return_date: Mapped[dt.date]
    revision: Mapped[int] = mapped_column(default=1)

    job: Mapped[Job] = relationship()


class ReturnReceipt(Synced, Base):
    __tablename__ = "return_receipts"

    pickup_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pickup_receipts.id"), index=True)
    receipt_number: Mapped[str] = mapped_column(String(32), unique=True)
    returned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    work_done: Mapped[str] = mapped_column(Text, default="")
    condition_on_return: Mapped[str] = mapped_column(Text, default="")
    charges_total: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    revision: Mapped[int] = mapped_column(default=1)

    pickup: Mapped[PickupReceipt] = relationship()


class ItemMovement(Synced, Base):
    __tablename__ = "item_movements"

    pickup_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pickup_receipts.id"), index=True)
    kind: Mapped[MovementKind] = mapped_column(_enum(MovementKind))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by_name: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

"""Office-only stock tables: the parts catalogue and the trail of every van stock movement."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.models import Technician, utcnow
from sync.server.models import BigId, OfficeBase, _enum


class StockMove(StrEnum):
    ISSUE = "issue"
    """Parts handed from the warehouse to the van: the quantity goes up."""
    REPLENISH = "replenish"
    """The van topped up to a target quantity."""
    COUNT = "count"
    """A stock count: the van holds what was counted, the difference is recorded."""


class Part(OfficeBase):
    """A part the company stocks; the van lines copy its description and price when issued."""

    __tablename__ = "parts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    part_number: Mapped[str] = mapped_column(String(64), unique=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    unit_price: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class StockMovement(OfficeBase):
    """One issue, replenishment or count on a technician's van, with who did it and when."""

    __tablename__ = "van_stock_movements"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    technician_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(Technician.__table__.c.id), index=True
    )
    part_number: Mapped[str] = mapped_column(String(64))
    kind: Mapped[StockMove] = mapped_column(_enum(StockMove))
    change: Mapped[int]
    quantity_after: Mapped[int]
    note: Mapped[str] = mapped_column(String(300), default="")
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64), default="")

"""Parts swapped from van stock: recorded on the job, taken off the van (negative stock warns only)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from fieldtech.domain.errors import ValidationError
from fieldtech.models import PartUsed, VanStock
from fieldtech.usecases import device, validate
from fieldtech.usecases.common import Db, ensure_editable, load_job, to_on_site


@dataclass(frozen=True)
class PartOutcome:
    part: PartUsed
    stock_left: int | None  # None when the part is not on this van's list
    below_zero: bool  # a warning for the technician, never a refusal


def use_part(
    db: Db,
    job_id: uuid.UUID,
    *,
    part_number: str,
    quantity: int = 1,
    description: str = "",
    serial_removed: str = "",
    serial_fitted: str = "",
    unit_price: Decimal | str | None = None,
) -> PartOutcome:
    number = validate.text("part_number", part_number, max_len=validate.CODE, required=True)
    qty = validate.quantity("quantity", quantity)
    desc = validate.text("description", description, max_len=300)
    removed = validate.text("serial_removed", serial_removed, max_len=100)
    fitted = validate.text("serial_fitted", serial_fitted, max_len=100)
    price = None if unit_price is None else validate.money("unit_price", unit_price)
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        to_on_site(job)
        tech = device.technician_id(session)
        stock = None
        if tech is not None:
            stock = session.scalar(
                select(VanStock).where(
                    VanStock.technician_id == tech, VanStock.part_number == number
                )
            )
        if price is None:
            if stock is None:
                raise ValidationError(
                    "unit_price", f"part {number} is not in van stock; enter its price"
                )
            price = stock.unit_price
        part = PartUsed(
            job_id=job.id,
            part_number=number,
            description=desc or (stock.description if stock else ""),
            quantity=qty,
            serial_removed=removed,
            serial_fitted=fitted,
            unit_price=price,
        )
        session.add(part)
        left = None
        if stock is not None:
            stock.quantity = stock.quantity - qty
            left = stock.quantity
        return PartOutcome(part=part, stock_left=left, below_zero=left is not None and left < 0)

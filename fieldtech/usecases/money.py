"""Charges and payments taken on site; cash is handed to finance at the office later."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from fieldtech.domain.enums import ChargeKind, PaymentMethod
from fieldtech.domain.errors import ValidationError
from fieldtech.models import ChargeLine, Payment, utcnow
from fieldtech.usecases import device, validate
from fieldtech.usecases.common import Db, ensure_editable, load_job


def add_charge(
    db: Db,
    job_id: uuid.UUID,
    *,
    kind: ChargeKind | str,
    description: str,
    unit_price: Decimal | str,
    quantity: Decimal | str = Decimal("1"),
    tax_rate: Decimal | str = Decimal("0"),
) -> ChargeLine:
    charge_kind = validate.choice("kind", kind, ChargeKind)
    desc = validate.text("description", description, max_len=300, required=True)
    price = validate.money("unit_price", unit_price)
    qty = validate.money("quantity", quantity, allow_zero=False)
    tax = validate.rate("tax_rate", tax_rate)
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        line = ChargeLine(
            job_id=job.id,
            kind=charge_kind,
            description=desc,
            quantity=qty,
            unit_price=price,
            tax_rate=tax,
        )
        session.add(line)
        return line


def take_payment(
    db: Db,
    job_id: uuid.UUID,
    *,
    method: PaymentMethod | str,
    amount: Decimal | str,
    receipt_number: str = "",
    taken_at: dt.datetime | None = None,
) -> Payment:
    pay_method = validate.choice("method", method, PaymentMethod)
    value = validate.money("amount", amount, allow_zero=False)
    receipt = validate.text("receipt_number", receipt_number, max_len=validate.CODE)
    if pay_method != PaymentMethod.CASH and not receipt:
        raise ValidationError(
            "receipt_number",
            "is required for card and transfer payments; copy it from the terminal",
        )
    at = validate.aware("taken_at", taken_at or utcnow())
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        payment = Payment(
            job_id=job.id,
            technician_id=device.technician_id(session),
            method=pay_method,
            amount=value,
            receipt_number=receipt,
            taken_at=at,
        )
        session.add(payment)
        return payment

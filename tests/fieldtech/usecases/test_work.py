"""Parts from van stock, charges and payments on the job."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from fieldtech.domain.errors import ValidationError
from fieldtech.models import OutboxEntry, VanStock
from fieldtech.usecases.common import Db
from fieldtech.usecases.money import add_charge, take_payment
from fieldtech.usecases.parts import use_part
from tests.factories import new_job


def stock(db: Db, part_number: str) -> int:
    with db() as session:
        row = session.scalar(select(VanStock).where(VanStock.part_number == part_number))
        assert row is not None
        return row.quantity


def test_use_part_from_van_takes_price_and_decrements_stock(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    outcome = use_part(
        db, job_id, part_number="WM-PUMP-01", serial_removed="P-OLD-1", serial_fitted="P-NEW-9"
    )
    assert outcome.part.unit_price == Decimal("85.00")
    assert outcome.part.description == "Drain pump 40 W"
    assert outcome.stock_left == 1
    assert not outcome.below_zero
    assert stock(db, "WM-PUMP-01") == 1
    with db() as session:
        tables = {e.table_name for e in session.scalars(select(OutboxEntry))}
    assert {"parts_used", "van_stock"} <= tables


def test_use_part_beyond_stock_warns_but_records(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    outcome = use_part(db, job_id, part_number="WM-BELT-07", quantity=3)
    assert outcome.below_zero
    assert outcome.stock_left == -2
    assert stock(db, "WM-BELT-07") == -2


def test_use_part_not_in_van_needs_a_price(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    with pytest.raises(ValidationError, match="unit_price: part X-1 is not in van stock"):
        use_part(db, job_id, part_number="X-1")
    outcome = use_part(db, job_id, part_number="X-1", unit_price="12.00", description="Clip")
    assert outcome.stock_left is None


@pytest.mark.parametrize(("quantity", "field"), [(-1, "quantity"), (0, "quantity")])
def test_use_part_with_bad_quantity_names_the_field(
    db: Db, technician: uuid.UUID, quantity: int, field: str
) -> None:
    job_id = new_job(db)
    with pytest.raises(ValidationError) as raised:
        use_part(db, job_id, part_number="WM-PUMP-01", quantity=quantity)
    assert raised.value.field == field
    assert stock(db, "WM-PUMP-01") == 2


def test_charge_and_payment_are_exact_decimals(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    line = add_charge(
        db, job_id, kind="labour", description="Labour 1 h", unit_price="120.00", tax_rate="0.13"
    )
    assert line.unit_price == Decimal("120.00")
    payment = take_payment(db, job_id, method="cash", amount="135.60")
    assert payment.amount == Decimal("135.60")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"method": "card", "amount": "10"}, "receipt_number"),
        ({"method": "cash", "amount": "-5"}, "amount"),
        ({"method": "cash", "amount": "1.005"}, "amount"),
        ({"method": "cash", "amount": "abc"}, "amount"),
        ({"method": "cheque", "amount": "5"}, "method"),
    ],
)
def test_bad_payment_is_refused_naming_the_field(
    db: Db, technician: uuid.UUID, kwargs: dict[str, str], field: str
) -> None:
    job_id = new_job(db)
    with pytest.raises(ValidationError) as raised:
        take_payment(db, job_id, **kwargs)  # type: ignore[arg-type]
    assert raised.value.field == field

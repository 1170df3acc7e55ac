"""Warranty: month arithmetic, the inclusive last day, and refused inputs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.warranty import WarrantyReason, add_months, warranty_status

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2026, 8, 31), 1, D(2026, 9, 30)),
        (D(2026, 11, 15), 2, D(2027, 1, 15)),
        (D(2026, 3, 15), 0, D(2026, 3, 15)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_month_end(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_warranty_status_last_day_is_inclusive() -> None:
    decision = warranty_status(D(2025, 3, 15), 12, D(2026, 3, 15))
    assert decision.in_warranty
    assert decision.reason is WarrantyReason.IN_WARRANTY
    assert decision.expires_on == D(2026, 3, 15)


def test_warranty_status_day_after_expiry_is_paid() -> None:
    decision = warranty_status(D(2025, 3, 15), 12, D(2026, 3, 16))
    assert not decision.in_warranty
    assert decision.reason is WarrantyReason.EXPIRED
    assert decision.expires_on == D(2026, 3, 15)


def test_warranty_status_month_end_purchase_expires_on_clamped_day() -> None:
    decision = warranty_status(D(2025, 1, 31), 13, D(2026, 2, 28))
    assert decision.in_warranty
    assert decision.expires_on == D(2026, 2, 28)
    assert not warranty_status(D(2025, 1, 31), 13, D(2026, 3, 1)).in_warranty


def test_warranty_status_purchase_day_itself_is_covered() -> None:
    assert warranty_status(D(2026, 11, 25), 24, D(2026, 11, 25)).in_warranty


def test_warranty_status_no_purchase_date_is_paid() -> None:
    decision = warranty_status(None, 24, D(2026, 11, 25))
    assert not decision.in_warranty
    assert decision.reason is WarrantyReason.NO_PURCHASE_DATE
    assert decision.expires_on is None


def test_warranty_status_zero_months_is_no_warranty() -> None:
    decision = warranty_status(D(2026, 11, 1), 0, D(2026, 11, 25))
    assert (decision.in_warranty, decision.reason) == (False, WarrantyReason.NO_WARRANTY)


def test_warranty_status_purchase_after_visit_raises_naming_purchase_date() -> None:
    with pytest.raises(ValidationError) as caught:
        warranty_status(D(2026, 12, 1), 24, D(2026, 11, 25))
    assert caught.value.field == "purchase_date"
    assert "2026-12-01" in caught.value.message


@pytest.mark.parametrize("months", [-1, 241])
def test_warranty_status_months_out_of_range_raises(months: int) -> None:
    with pytest.raises(ValidationError) as caught:
        warranty_status(D(2026, 1, 1), months, D(2026, 2, 1))
    assert caught.value.field == "warranty_months"


def test_warranty_status_datetime_instead_of_date_raises() -> None:
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(ValidationError):
        warranty_status(when, 12, D(2026, 2, 1))


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))


@given(dates, st.integers(min_value=1, max_value=240), st.integers(min_value=0, max_value=9000))
def test_warranty_status_covered_exactly_up_to_expiry(
    purchase: dt.date, months: int, age: int
) -> None:
    on_date = purchase + dt.timedelta(days=age)
    decision = warranty_status(purchase, months, on_date)
    assert decision.expires_on is not None
    assert decision.in_warranty == (on_date <= decision.expires_on)
    assert decision.expires_on.day <= purchase.day
    assert (decision.expires_on.year * 12 + decision.expires_on.month) - (
        purchase.year * 12 + purchase.month
    ) == months


@given(dates, st.integers(min_value=0, max_value=240), st.integers(min_value=0, max_value=240))
def test_add_months_is_monotone(start: dt.date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert add_months(start, low) <= add_months(start, high)

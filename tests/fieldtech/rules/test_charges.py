"""Charges: labour rates, per-line rounding and tax, warranty waivers, refused inputs."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.enums import ChargeKind
from fieldtech.domain.errors import ValidationError
from fieldtech.rules.charges import (
    ChargeInput,
    LabourBasis,
    LabourRate,
    compute_charges,
    labour_line,
    round_money,
)

TAX = Decimal("0.13")


def line(kind: ChargeKind, quantity: str, price: str, tax: Decimal = TAX) -> ChargeInput:
    return ChargeInput(kind, Decimal(quantity), Decimal(price), tax)


def test_compute_charges_paid_visit_adds_tax_per_line() -> None:
    totals = compute_charges(
        [
            line(ChargeKind.LABOUR, "1.5", "80.00"),
            line(ChargeKind.PART, "2", "45.50"),
            line(ChargeKind.CALL_OUT, "1", "30.00", Decimal(0)),
        ],
        in_warranty=False,
    )
    assert [(a.net, a.tax) for a in totals.lines] == [
        (Decimal("120.00"), Decimal("15.60")),
        (Decimal("91.00"), Decimal("11.83")),
        (Decimal("30.00"), Decimal("0.00")),
    ]
    assert totals.subtotal == Decimal("241.00")
    assert totals.tax == Decimal("27.43")
    assert totals.total == Decimal("268.43")
    assert totals.lines[0].gross == Decimal("135.60")


def test_compute_charges_rounds_half_up_to_the_cent() -> None:
    totals = compute_charges(
        [line(ChargeKind.PART, "1", "0.125", Decimal("0.50"))], in_warranty=False
    )
    assert totals.lines[0].net == Decimal("0.13")
    assert totals.lines[0].tax == Decimal("0.07")
    assert round_money(Decimal("2.675")) == Decimal("2.68")


def test_compute_charges_in_warranty_waives_labour_parts_call_out_but_keeps_lines() -> None:
    totals = compute_charges(
        [
            line(ChargeKind.LABOUR, "2", "80.00"),
            line(ChargeKind.PART, "1", "300.00"),
            line(ChargeKind.CALL_OUT, "1", "30.00"),
            line(ChargeKind.OTHER, "1", "10.00"),
        ],
        in_warranty=True,
    )
    assert len(totals.lines) == 4
    assert [a.waived for a in totals.lines] == [True, True, True, False]
    assert [a.net for a in totals.lines[:3]] == [Decimal("0.00")] * 3
    assert totals.subtotal == Decimal("10.00")
    assert totals.total == Decimal("11.30")


def test_compute_charges_no_lines_is_zero() -> None:
    totals = compute_charges([], in_warranty=False)
    assert (totals.subtotal, totals.tax, totals.total, totals.lines) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.00"),
        (),
    )


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (line(ChargeKind.PART, "-1", "10"), "quantity"),
        (line(ChargeKind.PART, "1", "-0.01"), "unit_price"),
        (line(ChargeKind.PART, "1", "10", Decimal("-0.1")), "tax_rate"),
        (line(ChargeKind.PART, "1", "10", Decimal("13")), "tax_rate"),
        (line(ChargeKind.PART, "NaN", "10"), "quantity"),
        (line(ChargeKind.PART, "1", "Infinity"), "unit_price"),
        (ChargeInput(ChargeKind.PART, 1.5, Decimal(1), TAX), "quantity"),  # type: ignore[arg-type]
    ],
)
def test_compute_charges_bad_value_raises_naming_field_and_line(
    bad: ChargeInput, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        compute_charges([line(ChargeKind.LABOUR, "1", "1"), bad], in_warranty=False)
    assert caught.value.field == field
    assert caught.value.params["line"] == 1


def test_compute_charges_negative_refused_even_in_warranty() -> None:
    with pytest.raises(ValidationError, match="negative"):
        compute_charges([line(ChargeKind.PART, "1", "-5")], in_warranty=True)


def test_labour_line_per_hour_multiplies_hours() -> None:
    rate = LabourRate(LabourBasis.PER_HOUR, Decimal("80.00"))
    labour = labour_line(rate, Decimal("1.25"), TAX)
    assert (labour.kind, labour.quantity, labour.unit_price) == (
        ChargeKind.LABOUR,
        Decimal("1.25"),
        Decimal("80.00"),
    )
    assert compute_charges([labour], in_warranty=False).subtotal == Decimal("100.00")


def test_labour_line_flat_ignores_hours() -> None:
    rate = LabourRate(LabourBasis.FLAT, Decimal("120.00"))
    for hours in ("0.5", "3"):
        totals = compute_charges([labour_line(rate, Decimal(hours), TAX)], in_warranty=False)
        assert totals.subtotal == Decimal("120.00")


def test_labour_line_negative_hours_raises() -> None:
    rate = LabourRate(LabourBasis.PER_HOUR, Decimal("80.00"))
    with pytest.raises(ValidationError) as caught:
        labour_line(rate, Decimal(-1), TAX)
    assert caught.value.field == "hours"


def test_labour_rate_negative_amount_raises() -> None:
    with pytest.raises(ValidationError) as caught:
        LabourRate(LabourBasis.FLAT, Decimal("-1"))
    assert caught.value.field == "amount"


money = st.decimals(min_value=0, max_value=100_000, places=2)
quantities = st.decimals(min_value=0, max_value=1000, places=3)
rates = st.sampled_from([Decimal(0), Decimal("0.06"), Decimal("0.09"), Decimal("0.13")])
lines = st.builds(ChargeInput, st.sampled_from(ChargeKind), quantities, money, rates)


@given(st.lists(lines, max_size=12), st.booleans(), st.randoms(use_true_random=False))
def test_compute_charges_total_is_subtotal_plus_tax_and_order_free(
    items: list[ChargeInput], in_warranty: bool, rnd: random.Random
) -> None:
    totals = compute_charges(items, in_warranty=in_warranty)
    assert totals.total == totals.subtotal + totals.tax
    assert totals.subtotal >= 0
    assert totals.tax >= 0
    assert totals.total >= 0
    assert totals.total.as_tuple().exponent == -2
    assert totals.subtotal == sum((a.net for a in totals.lines), Decimal(0))
    shuffled = list(items)
    rnd.shuffle(shuffled)
    again = compute_charges(shuffled, in_warranty=in_warranty)
    assert (again.subtotal, again.tax, again.total) == (totals.subtotal, totals.tax, totals.total)


@given(st.lists(lines, min_size=1, max_size=8))
def test_compute_charges_warranty_never_costs_more(items: list[ChargeInput]) -> None:
    paid = compute_charges(items, in_warranty=False)
    free = compute_charges(items, in_warranty=True)
    assert free.total <= paid.total


def test_compute_charges_unknown_kind_raises_naming_kind() -> None:
    bad = ChargeInput("discount", Decimal(1), Decimal(1), TAX)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        compute_charges([bad], in_warranty=False)
    assert caught.value.field == "kind"

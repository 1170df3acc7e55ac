"""Depreciation table: validation of bands, the default table, and monotone charges."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.depreciation import (
    DEFAULT_DEPRECIATION_TABLE,
    DepreciationBand,
    DepreciationTable,
    depreciation_charge,
)


@pytest.mark.parametrize(
    ("days", "rate"),
    [
        (0, "0"),
        (7, "0"),
        (8, "0.05"),
        (30, "0.05"),
        (31, "0.10"),
        (90, "0.10"),
        (180, "0.20"),
        (365, "0.30"),
        (366, "0.50"),
        (5000, "0.50"),
    ],
)
def test_default_table_rate_by_days(days: int, rate: str) -> None:
    assert DEFAULT_DEPRECIATION_TABLE.rate_for(days) == Decimal(rate)


def test_depreciation_charge_rounds_to_the_cent() -> None:
    assert depreciation_charge(Decimal("3999.00"), 20) == Decimal("199.95")
    assert depreciation_charge(Decimal("0.10"), 20) == Decimal("0.01")
    assert depreciation_charge(Decimal("2999.00"), 3) == Decimal("0.00")


def test_depreciation_charge_uses_given_table() -> None:
    table = DepreciationTable.from_pairs([(15, "0"), (None, "0.25")])
    assert depreciation_charge(Decimal("1000"), 16, table) == Decimal("250.00")


@pytest.mark.parametrize(
    ("pairs", "field"),
    [
        ([], "depreciation"),
        ([(7, "0"), (30, "0.1")], "depreciation[1].up_to_days"),
        ([(None, "0"), (None, "0.1")], "depreciation[0].up_to_days"),
        ([(30, "0"), (7, "0.1"), (None, "0.2")], "depreciation[1].up_to_days"),
        ([(7, "0"), (7, "0.1"), (None, "0.2")], "depreciation[1].up_to_days"),
        ([(-1, "0"), (None, "0.2")], "depreciation[0].up_to_days"),
        ([(7, "0.2"), (None, "0.1")], "depreciation[1].rate"),
        ([(7, "0"), (None, "1.5")], "depreciation[1].rate"),
        ([(7, "-0.1"), (None, "0.5")], "depreciation[0].rate"),
        ([(7, "abc"), (None, "0.5")], "depreciation[0].rate"),
        ([(7, 0.1), (None, "0.5")], "depreciation[0].rate"),
        ([("7", "0"), (None, "0.5")], "depreciation[0].up_to_days"),
        ([(7,)], "depreciation[0]"),
    ],
)
def test_table_bad_bands_raise_naming_the_band(pairs: list[tuple[object, ...]], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        DepreciationTable.from_pairs(pairs)
    assert caught.value.field == field


def test_table_to_pairs_round_trips() -> None:
    pairs = DEFAULT_DEPRECIATION_TABLE.to_pairs()
    assert DepreciationTable.from_pairs(pairs) == DEFAULT_DEPRECIATION_TABLE
    assert pairs[-1] == (None, "0.50")


@pytest.mark.parametrize(
    ("price", "days", "field"), [("-1", 3, "price"), ("10", -1, "days_since_sale")]
)
def test_depreciation_charge_bad_input_raises(price: str, days: int, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        depreciation_charge(Decimal(price), days)
    assert caught.value.field == field


@st.composite
def tables(draw: st.DrawFn) -> DepreciationTable:
    limits = sorted(draw(st.sets(st.integers(min_value=0, max_value=2000), max_size=6)))
    rates = sorted(
        draw(
            st.lists(
                st.decimals(min_value=0, max_value=1, places=3),
                min_size=len(limits) + 1,
                max_size=len(limits) + 1,
            )
        )
    )
    days: list[int | None] = [*limits, None]
    return DepreciationTable(
        tuple(DepreciationBand(d, r) for d, r in zip(days, rates, strict=True))
    )


@given(
    tables(),
    st.decimals(min_value=0, max_value=1_000_000, places=2),
    st.integers(min_value=0, max_value=5000),
    st.integers(min_value=0, max_value=5000),
)
def test_depreciation_charge_monotone_in_days_and_within_price(
    table: DepreciationTable, price: Decimal, a: int, b: int
) -> None:
    younger, older = sorted((a, b))
    low = depreciation_charge(price, younger, table)
    high = depreciation_charge(price, older, table)
    assert Decimal(0) <= low <= high <= price

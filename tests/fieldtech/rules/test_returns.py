"""Return and exchange eligibility: the 7-day window, quality faults, exclusions, charges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.depreciation import DepreciationTable
from fieldtech.rules.returns import (
    ReturnExclusion,
    ReturnKind,
    ReturnReason,
    ReturnRequest,
    decide_return,
)
from fieldtech.rules.warranty import add_months

SALE = dt.date(2026, 11, 1)
PRICE = Decimal("3999.00")


def request(
    days: int,
    *,
    fault: bool = False,
    months: int = 24,
    exclusions: frozenset[ReturnExclusion] = frozenset(),
    kind: ReturnKind = ReturnKind.EXCHANGE,
) -> ReturnRequest:
    return ReturnRequest(
        kind=kind,
        sale_date=SALE,
        on_date=SALE + dt.timedelta(days=days),
        price=PRICE,
        warranty_months=months,
        quality_fault=fault,
        exclusions=exclusions,
    )


@pytest.mark.parametrize("days", [0, 3, 7])
@pytest.mark.parametrize("kind", list(ReturnKind))
def test_decide_return_within_seven_days_any_reason_free(days: int, kind: ReturnKind) -> None:
    decision = decide_return(request(days, kind=kind))
    assert decision.eligible
    assert decision.reasons == (ReturnReason.WITHIN_ANY_REASON_PERIOD,)
    assert decision.charge == Decimal("0.00")
    assert decision.days_since_sale == days


def test_decide_return_day_eight_without_fault_refused() -> None:
    decision = decide_return(request(8))
    assert not decision.eligible
    assert decision.reasons == (ReturnReason.ANY_REASON_PERIOD_OVER, ReturnReason.NO_QUALITY_FAULT)
    assert decision.charge == Decimal("0.00")


def test_decide_return_quality_fault_in_warranty_charges_depreciation() -> None:
    decision = decide_return(request(20, fault=True))
    assert decision.eligible
    assert decision.reasons == (ReturnReason.QUALITY_FAULT_IN_WARRANTY,)
    assert decision.charge == Decimal("199.95")


def test_decide_return_quality_fault_after_warranty_refused() -> None:
    decision = decide_return(request(800, fault=True, months=24))
    assert not decision.eligible
    assert decision.reasons == (ReturnReason.ANY_REASON_PERIOD_OVER, ReturnReason.OUTSIDE_WARRANTY)


def test_decide_return_no_fault_no_warranty_lists_every_reason() -> None:
    decision = decide_return(request(100, months=0))
    assert decision.reasons == (
        ReturnReason.ANY_REASON_PERIOD_OVER,
        ReturnReason.NO_QUALITY_FAULT,
        ReturnReason.OUTSIDE_WARRANTY,
    )


@pytest.mark.parametrize("exclusion", list(ReturnExclusion))
@pytest.mark.parametrize("days", [1, 20])
def test_decide_return_excluded_goods_refused_even_in_window_or_with_fault(
    exclusion: ReturnExclusion, days: int
) -> None:
    decision = decide_return(request(days, fault=True, exclusions=frozenset({exclusion})))
    assert not decision.eligible
    assert decision.reasons == (ReturnReason.EXCLUDED_GOODS,)
    assert decision.exclusions == (exclusion,)
    assert decision.charge == Decimal("0.00")


def test_decide_return_lists_all_exclusions_sorted() -> None:
    excl = frozenset({ReturnExclusion.SEASONAL, ReturnExclusion.CLEARANCE})
    decision = decide_return(request(2, exclusions=excl))
    assert decision.exclusions == (ReturnExclusion.CLEARANCE, ReturnExclusion.SEASONAL)


def test_decide_return_uses_company_table() -> None:
    table = DepreciationTable.from_pairs([(10, "0"), (None, "0.40")])
    decision = decide_return(request(11, fault=True), table)
    assert decision.charge == Decimal("1599.60")


def test_decide_return_sale_after_request_raises() -> None:
    bad = ReturnRequest(ReturnKind.RETURN, SALE, SALE - dt.timedelta(days=1), PRICE, 24)
    with pytest.raises(ValidationError) as caught:
        decide_return(bad)
    assert caught.value.field == "sale_date"


def test_decide_return_negative_price_raises() -> None:
    bad = ReturnRequest(ReturnKind.RETURN, SALE, SALE, Decimal("-1"), 24)
    with pytest.raises(ValidationError) as caught:
        decide_return(bad)
    assert caught.value.field == "price"


@given(
    st.integers(min_value=0, max_value=2000),
    st.booleans(),
    st.integers(min_value=0, max_value=60),
    st.frozensets(st.sampled_from(ReturnExclusion)),
)
def test_decide_return_charge_only_when_eligible_and_never_above_price(
    days: int, fault: bool, months: int, exclusions: frozenset[ReturnExclusion]
) -> None:
    decision = decide_return(request(days, fault=fault, months=months, exclusions=exclusions))
    assert Decimal(0) <= decision.charge <= PRICE
    if not decision.eligible:
        assert decision.charge == 0
    on_date = SALE + dt.timedelta(days=days)
    in_warranty = months > 0 and on_date <= add_months(SALE, months)
    assert decision.eligible == (not exclusions and (days <= 7 or (fault and in_warranty)))
    assert bool(decision.exclusions) == bool(exclusions)

"""Whether a return or exchange is accepted under the company's rules, and what it costs.

The rules: within 7 days of sale for any reason, free; later, only for a quality fault within
the warranty, and then the customer pays the depreciation the company's table sets by days
since sale (deducted from a refund, or paid towards the replacement). Custom-made, clearance
and seasonal goods, and goods without their original packaging, are never taken back or
exchanged; a quality fault on them is a warranty repair instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.charges import ZERO, check_amount
from fieldtech.rules.depreciation import (
    DEFAULT_DEPRECIATION_TABLE,
    DepreciationTable,
    depreciation_charge,
)
from fieldtech.rules.warranty import warranty_status

ANY_REASON_DAYS = 7
"""Days after the day of sale during which goods go back for any reason (day of sale is day 0)."""


class ReturnKind(StrEnum):
    RETURN = "return"
    EXCHANGE = "exchange"


class ReturnExclusion(StrEnum):
    CUSTOM_MADE = "custom_made"
    CLEARANCE = "clearance"
    SEASONAL = "seasonal"
    MISSING_PACKAGING = "missing_packaging"


class ReturnReason(StrEnum):
    WITHIN_ANY_REASON_PERIOD = "within_any_reason_period"
    QUALITY_FAULT_IN_WARRANTY = "quality_fault_in_warranty"
    EXCLUDED_GOODS = "excluded_goods"
    ANY_REASON_PERIOD_OVER = "any_reason_period_over"
    NO_QUALITY_FAULT = "no_quality_fault"
    OUTSIDE_WARRANTY = "outside_warranty"


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    kind: ReturnKind
    sale_date: dt.date
    on_date: dt.date
    price: Decimal
    """What the customer paid for the item."""
    warranty_months: int
    quality_fault: bool = False
    exclusions: frozenset[ReturnExclusion] = frozenset()


@dataclass(frozen=True, slots=True)
class ReturnDecision:
    eligible: bool
    reasons: tuple[ReturnReason, ...]
    """Why it was accepted or refused, most decisive first."""
    exclusions: tuple[ReturnExclusion, ...]
    """The exclusions that applied, sorted; empty when none did."""
    charge: Decimal
    """Depreciation the customer bears; zero when free or refused."""
    days_since_sale: int


def _exclusions(values: Iterable[ReturnExclusion]) -> tuple[ReturnExclusion, ...]:
    return tuple(sorted({ReturnExclusion(v) for v in values}))


def decide_return(
    request: ReturnRequest, table: DepreciationTable = DEFAULT_DEPRECIATION_TABLE
) -> ReturnDecision:
    ReturnKind(request.kind)
    price = check_amount("price", request.price)
    if request.sale_date > request.on_date:
        raise ValidationError(
            "sale_date",
            f"the sale date {request.sale_date.isoformat()} is after the request date "
            f"{request.on_date.isoformat()}; check the date on the receipt",
        )
    days = (request.on_date - request.sale_date).days
    warranty = warranty_status(request.sale_date, request.warranty_months, request.on_date)
    excluded = _exclusions(request.exclusions)
    if excluded:
        return ReturnDecision(False, (ReturnReason.EXCLUDED_GOODS,), excluded, ZERO, days)
    if days <= ANY_REASON_DAYS:
        return ReturnDecision(True, (ReturnReason.WITHIN_ANY_REASON_PERIOD,), (), ZERO, days)
    if request.quality_fault and warranty.in_warranty:
        charge = depreciation_charge(price, days, table)
        return ReturnDecision(True, (ReturnReason.QUALITY_FAULT_IN_WARRANTY,), (), charge, days)
    refused = [ReturnReason.ANY_REASON_PERIOD_OVER]
    if not request.quality_fault:
        refused.append(ReturnReason.NO_QUALITY_FAULT)
    if not warranty.in_warranty:
        refused.append(ReturnReason.OUTSIDE_WARRANTY)
    return ReturnDecision(False, tuple(refused), (), ZERO, days)

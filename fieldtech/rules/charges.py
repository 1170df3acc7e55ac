"""What a visit costs: labour from the company's rates, parts and other lines, tax, warranty."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from fieldtech.domain.enums import ChargeKind
from fieldtech.domain.errors import ValidationError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

WARRANTY_FREE_KINDS: frozenset[ChargeKind] = frozenset(
    {ChargeKind.LABOUR, ChargeKind.PART, ChargeKind.CALL_OUT}
)
"""Covered by the warranty. OTHER lines (an accessory the customer chose to buy) stay charged."""


_KINDS = frozenset(ChargeKind)


def round_money(amount: Decimal) -> Decimal:
    """Money is kept to the cent, half away from zero, as on a printed receipt."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def check_amount(field: str, value: Decimal, **params: object) -> Decimal:
    """Refuse a non-Decimal, non-finite or negative amount, naming the field."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValidationError(field, "give an exact decimal number such as 12.50", **params)
    amount = Decimal(value)
    if not amount.is_finite():
        raise ValidationError(field, "give a finite number", **params)
    if amount < 0:
        raise ValidationError(field, "must not be negative; enter zero or more", **params)
    return amount


def check_rate(field: str, value: Decimal, **params: object) -> Decimal:
    """A rate is a fraction between 0 and 1 (0.13 for 13 %)."""
    rate = check_amount(field, value, **params)
    if rate > 1:
        raise ValidationError(
            field, "give the rate as a fraction between 0 and 1 (0.13 for 13 %)", **params
        )
    return rate


class LabourBasis(StrEnum):
    PER_HOUR = "per_hour"
    FLAT = "flat"


@dataclass(frozen=True, slots=True)
class LabourRate:
    """How a product category's labour is charged: per hour worked, or one flat price per job."""

    basis: LabourBasis
    amount: Decimal

    def __post_init__(self) -> None:
        LabourBasis(self.basis)
        check_amount("amount", self.amount)


@dataclass(frozen=True, slots=True)
class ChargeInput:
    kind: ChargeKind
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal
    description: str = ""


@dataclass(frozen=True, slots=True)
class LineAmount:
    """One line priced: `net` before tax, its `tax`, and whether the warranty waived it."""

    net: Decimal
    tax: Decimal
    waived: bool

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


@dataclass(frozen=True, slots=True)
class ChargeTotals:
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    lines: tuple[LineAmount, ...]
    """Same order as the input lines; waived lines are kept at zero so the slip still lists them."""


def labour_line(
    rate: LabourRate, hours: Decimal, tax_rate: Decimal, description: str = ""
) -> ChargeInput:
    """The labour line for `hours` worked: hours times the rate, or the flat price once."""
    worked = check_amount("hours", hours)
    if rate.basis is LabourBasis.FLAT:
        return ChargeInput(ChargeKind.LABOUR, Decimal(1), rate.amount, tax_rate, description)
    return ChargeInput(ChargeKind.LABOUR, worked, rate.amount, tax_rate, description)


def price_line(line: ChargeInput, *, in_warranty: bool, index: int = 0) -> LineAmount:
    """Net is rounded per line, then tax on the rounded net: the way each line prints."""
    if line.kind not in _KINDS:
        raise ValidationError("kind", "choose labour, part, call_out or other", line=index)
    quantity = check_amount("quantity", line.quantity, line=index)
    unit_price = check_amount("unit_price", line.unit_price, line=index)
    tax_rate = check_rate("tax_rate", line.tax_rate, line=index)
    if in_warranty and line.kind in WARRANTY_FREE_KINDS:
        return LineAmount(ZERO, ZERO, waived=True)
    net = round_money(quantity * unit_price)
    return LineAmount(net, round_money(net * tax_rate), waived=False)


def compute_charges(lines: Iterable[ChargeInput], *, in_warranty: bool) -> ChargeTotals:
    """Totals of a visit. Per-line rounding keeps the sum independent of the order of lines."""
    priced = tuple(
        price_line(line, in_warranty=in_warranty, index=i) for i, line in enumerate(lines)
    )
    subtotal = sum((p.net for p in priced), ZERO)
    tax = sum((p.tax for p in priced), ZERO)
    return ChargeTotals(subtotal, tax, subtotal + tax, priced)

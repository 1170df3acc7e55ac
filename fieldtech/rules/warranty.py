"""Whether an item is still under warranty on a given day, from its purchase date and period."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from fieldtech.domain.errors import ValidationError

MAX_WARRANTY_MONTHS = 240


class WarrantyReason(StrEnum):
    IN_WARRANTY = "in_warranty"
    EXPIRED = "expired"
    NO_PURCHASE_DATE = "no_purchase_date"
    NO_WARRANTY = "no_warranty"


@dataclass(frozen=True, slots=True)
class WarrantyDecision:
    in_warranty: bool
    reason: WarrantyReason
    expires_on: dt.date | None
    """Last day covered (inclusive); None when unknown or when the item has no warranty."""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def check_warranty_months(months: int, field: str = "warranty_months") -> int:
    if isinstance(months, bool) or not isinstance(months, int):
        raise ValidationError(field, "give the warranty period as a whole number of months")
    if not 0 <= months <= MAX_WARRANTY_MONTHS:
        raise ValidationError(
            field, f"the warranty period must be between 0 and {MAX_WARRANTY_MONTHS} months"
        )
    return months


def warranty_status(
    purchase_date: dt.date | None, warranty_months: int, on_date: dt.date
) -> WarrantyDecision:
    """Free or paid: covered up to and including the same calendar day `warranty_months` later.

    The last day counts in the customer's favour: an item bought on 15 March with 12 months is
    still covered on 15 March of the next year. Without a purchase date the work is paid until
    the customer shows proof of purchase.
    """
    check_warranty_months(warranty_months)
    if purchase_date is None:
        return WarrantyDecision(False, WarrantyReason.NO_PURCHASE_DATE, None)
    if isinstance(purchase_date, dt.datetime) or isinstance(on_date, dt.datetime):
        raise ValidationError("purchase_date", "give a calendar date, not a date and time")
    if purchase_date > on_date:
        raise ValidationError(
            "purchase_date",
            f"the purchase date {purchase_date.isoformat()} is after {on_date.isoformat()}; "
            "check the date on the customer's receipt",
        )
    if warranty_months == 0:
        return WarrantyDecision(False, WarrantyReason.NO_WARRANTY, None)
    expires_on = add_months(purchase_date, warranty_months)
    if on_date <= expires_on:
        return WarrantyDecision(True, WarrantyReason.IN_WARRANTY, expires_on)
    return WarrantyDecision(False, WarrantyReason.EXPIRED, expires_on)

"""Input checks shared by the use cases: each refusal names the field and says how to fix it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from fieldtech.domain.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

SHORT = 200
CODE = 64
LONG = 10_000


def text(field: str, value: str | None, *, max_len: int = SHORT, required: bool = False) -> str:
    """Trimmed text within `max_len` characters; control characters other than newline/tab refused."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    value = value.strip()
    if required and not value:
        raise ValidationError(field, "is required; enter a value")
    if len(value) > max_len:
        raise ValidationError(
            field, f"is {len(value)} characters long; shorten it to at most {max_len}"
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise ValidationError(field, "contains control characters; retype it")
    return value


def money(field: str, value: Decimal | str | int, *, allow_zero: bool = True) -> Decimal:
    """A non-negative amount with at most two decimals."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            field, f"'{value}' is not an amount; use digits like 120.50"
        ) from None
    if not amount.is_finite():
        raise ValidationError(field, "must be a finite amount")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError(
            field, "must be more than zero" if not allow_zero else "cannot be negative"
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(field, "has more than two decimals; round it to cents")
    if amount >= Decimal("1000000000000"):
        raise ValidationError(field, "is too large; check the amount")
    return amount.quantize(Decimal("0.01"))


def rate(field: str, value: Decimal | str) -> Decimal:
    """A fraction between 0 and 1 (0.13 for 13 %)."""
    try:
        fraction = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(field, f"'{value}' is not a number; write 0.13 for 13 %") from None
    if not fraction.is_finite() or not Decimal(0) <= fraction <= Decimal(1):
        raise ValidationError(field, "must be between 0 and 1 (0.13 for 13 %)")
    return fraction


def quantity(field: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number")
    if value <= 0:
        raise ValidationError(field, f"is {value}; use a quantity of at least 1")
    if value > 10_000:
        raise ValidationError(field, f"is {value}; check the quantity (at most 10000)")
    return value


def past_date(field: str, value: dt.date | None, today: dt.date) -> dt.date | None:
    if value is None:
        return None
    if value > today:
        raise ValidationError(field, f"{value.isoformat()} is in the future; check the date")
    if value.year < 1970:
        raise ValidationError(field, f"{value.isoformat()} is too far in the past; check the date")
    return value


def aware(field: str, value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValidationError(field, "has no time zone; pass an aware time")
    return value


def choice(field: str, value: str | E, enum_cls: type[E]) -> E:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise ValidationError(field, f"'{value}' is not one of: {allowed}") from None

"""Printed numbers: ticket numbers `YYYYMM-NNN`, lent blocks of them, and offline receipt numbers.

Ticket numbers are issued by the office, or taken offline from a block the office lent to the
laptop. Receipt numbers are made on the laptop with no network: `P-K7Q2-000123` is a pickup
receipt (R for a return receipt) from the device whose prefix is K7Q2, sequence 123. The office
gives every device its own prefix, so two laptops can never print the same number.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

from fieldtech.domain.errors import NumberingError, ValidationError

PREFIX_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ234567"
"""Base32 (RFC 4648) without I, L and O, which are read as 1 and 0 off a thermal print."""

PREFIX_MIN_LENGTH = 4
PREFIX_MAX_LENGTH = 6
TICKET_DIGITS = 3
RECEIPT_DIGITS = 6

_MONTH = re.compile(r"(?P<year>[1-9]\d{3})(?P<month>0[1-9]|1[0-2])", re.ASCII)
_TICKET = re.compile(r"(?P<month>\d{6})-(?P<n>[1-9]\d{3,}|\d{3})", re.ASCII)
_PREFIX = re.compile(f"[{PREFIX_ALPHABET}]{{{PREFIX_MIN_LENGTH},{PREFIX_MAX_LENGTH}}}")
_RECEIPT = re.compile(r"(?P<kind>[PR])-(?P<prefix>[A-Z0-9]+)-(?P<seq>[1-9]\d{6,}|\d{6})", re.ASCII)


class TicketNumber(NamedTuple):
    month: str
    """YYYYMM"""
    number: int


class ReceiptKind(StrEnum):
    PICKUP = "P"
    RETURN = "R"


class ReceiptNumber(NamedTuple):
    kind: ReceiptKind
    device_prefix: str
    sequence: int


def month_key(month: str | dt.date) -> str:
    """`YYYYMM` for a date, or a `YYYYMM` string checked for a real month."""
    if isinstance(month, dt.date):
        return f"{month.year:04d}{month.month:02d}"
    if not isinstance(month, str) or not _MONTH.fullmatch(month):
        raise ValidationError("month", f"{month!r} is not a month; write it as YYYYMM, e.g. 202611")
    return month


def _positive(field: str, value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(field, f"the {what} must be a whole number from 1 up")
    return value


def format_ticket(month: str | dt.date, n: int) -> str:
    """`202611-001`; past 999 the number simply grows: `202611-1000`."""
    return f"{month_key(month)}-{_positive('number', n, 'ticket number'):0{TICKET_DIGITS}d}"


def parse_ticket(text: str) -> TicketNumber:
    """Read a ticket number as typed (surrounding spaces ignored); refuse anything else."""
    match = _TICKET.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None or not _MONTH.fullmatch(match["month"]) or int(match["n"]) == 0:
        raise ValidationError(
            "ticket_number", f"{text!r} is not a ticket number; it looks like 202611-001"
        )
    return TicketNumber(match["month"], int(match["n"]))


@dataclass(frozen=True, slots=True)
class TicketBlockState:
    """A block of ticket numbers `first`..`last` lent for one month; `next_number` is unused."""

    month: str
    first: int
    last: int
    next_number: int

    def __post_init__(self) -> None:
        month_key(self.month)
        _positive("first", self.first, "first number of the block")
        _positive("last", self.last, "last number of the block")
        if self.last < self.first:
            raise ValidationError("last", "the block must end at or after its first number")
        if not self.first <= self.next_number <= self.last + 1:
            raise ValidationError(
                "next_number", "the next number must lie in the block (or just past its end)"
            )

    @classmethod
    def lent(cls, month: str | dt.date, first: int, last: int) -> TicketBlockState:
        return cls(month_key(month), first, last, first)

    @property
    def remaining(self) -> int:
        return self.last + 1 - self.next_number

    def take(self) -> tuple[str, TicketBlockState]:
        """The next ticket number and the block after it; the caller stores both together."""
        if self.remaining == 0:
            raise NumberingError(
                "block used up, sync to get a new block "
                f"({self.month}: {self.first}-{self.last} are all taken)",
                month=self.month,
            )
        number = format_ticket(self.month, self.next_number)
        return number, replace(self, next_number=self.next_number + 1)


def validate_device_prefix(prefix: str) -> str:
    """A device prefix as stored: 4 to 6 characters of PREFIX_ALPHABET, upper case."""
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
        raise ValidationError(
            "device_prefix",
            f"{prefix!r} is not a device prefix; use {PREFIX_MIN_LENGTH} to {PREFIX_MAX_LENGTH} "
            "capital letters and digits 2-7, without I, L or O",
        )
    return prefix


def generate_device_prefix(
    length: int = PREFIX_MIN_LENGTH, randbelow: Callable[[int], int] = secrets.randbelow
) -> str:
    """A random prefix for a new device; the office checks it is not in use before issuing it."""
    if not PREFIX_MIN_LENGTH <= length <= PREFIX_MAX_LENGTH:
        raise ValidationError(
            "length", f"a prefix has {PREFIX_MIN_LENGTH} to {PREFIX_MAX_LENGTH} characters"
        )
    return "".join(PREFIX_ALPHABET[randbelow(len(PREFIX_ALPHABET))] for _ in range(length))


def _receipt_kind(kind: str) -> ReceiptKind:
    try:
        return ReceiptKind(kind)
    except ValueError:
        raise ValidationError(
            "kind", f"{kind!r} is not a receipt kind; use P (pickup) or R (return)"
        ) from None


def format_receipt_number(kind: str, device_prefix: str, seq: int) -> str:
    """`P-K7Q2-000123`: kind, the device's prefix, its local sequence (more digits past 999999)."""
    receipt_kind = _receipt_kind(kind)
    prefix = validate_device_prefix(device_prefix)
    sequence = _positive("sequence", seq, "receipt sequence")
    return f"{receipt_kind.value}-{prefix}-{sequence:0{RECEIPT_DIGITS}d}"


def parse_receipt_number(text: str) -> ReceiptNumber:
    """Read a receipt number as typed: any case, surrounding spaces ignored."""
    match = _RECEIPT.fullmatch(text.strip().upper()) if isinstance(text, str) else None
    if match is None or int(match["seq"]) == 0 or not _PREFIX.fullmatch(match["prefix"]):
        raise ValidationError(
            "receipt_number", f"{text!r} is not a receipt number; it looks like P-K7Q2-000123"
        )
    return ReceiptNumber(ReceiptKind(match["kind"]), match["prefix"], int(match["seq"]))

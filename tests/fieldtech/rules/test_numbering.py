"""Ticket numbers, lent blocks of them, and receipt numbers made offline."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from fieldtech.domain.errors import NumberingError, ValidationError
from fieldtech.rules.numbering import (
    PREFIX_ALPHABET,
    ReceiptKind,
    ReceiptNumber,
    TicketBlockState,
    TicketNumber,
    format_receipt_number,
    format_ticket,
    generate_device_prefix,
    parse_receipt_number,
    parse_ticket,
    validate_device_prefix,
)


@pytest.mark.parametrize(
    ("month", "n", "text"),
    [
        ("202611", 1, "202611-001"),
        (dt.date(2026, 11, 25), 42, "202611-042"),
        ("202601", 999, "202601-999"),
        ("202611", 1000, "202611-1000"),
        ("202612", 123456, "202612-123456"),
    ],
)
def test_format_ticket_pads_to_three_digits_and_grows(
    month: str | dt.date, n: int, text: str
) -> None:
    assert format_ticket(month, n) == text


@pytest.mark.parametrize(
    ("month", "n", "field"),
    [
        ("202613", 1, "month"),
        ("2026-11", 1, "month"),
        ("000011", 1, "month"),
        ("202611", 0, "number"),
    ],
)
def test_format_ticket_bad_input_raises(month: str, n: int, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        format_ticket(month, n)
    assert caught.value.field == field


def test_parse_ticket_reads_typed_number() -> None:
    assert parse_ticket(" 202611-001\n") == TicketNumber("202611", 1)
    assert parse_ticket("202611-1000") == ("202611", 1000)


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "202611",
        "202611-01",
        "202611-0001",
        "202611-000",
        "202613-001",
        "2026111-001",
        "202611_001",
        "202611-00a",
        "202611-١٢٣",
        "x202611-001",
    ],
)
def test_parse_ticket_junk_raises(junk: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_ticket(junk)
    assert caught.value.field == "ticket_number"


months = st.builds(
    lambda y, m: f"{y:04d}{m:02d}",
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1, max_value=12),
)


@given(months, st.integers(min_value=1, max_value=10**9))
def test_ticket_format_parse_round_trip(month: str, n: int) -> None:
    text = format_ticket(month, n)
    assert parse_ticket(text) == (month, n)
    assert format_ticket(*parse_ticket(text)) == text


def test_ticket_block_hands_out_numbers_in_order_then_refuses() -> None:
    block = TicketBlockState.lent("202611", 41, 43)
    taken = []
    for _ in range(3):
        number, block = block.take()
        taken.append(number)
    assert taken == ["202611-041", "202611-042", "202611-043"]
    assert block.remaining == 0
    with pytest.raises(NumberingError, match="block used up, sync to get a new block"):
        block.take()


def test_ticket_block_take_leaves_original_unchanged() -> None:
    block = TicketBlockState.lent(dt.date(2026, 11, 1), 1, 10)
    block.take()
    assert block.next_number == 1
    assert block.remaining == 10


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("202611", 0, 5, 1), "first"),
        (("202611", 5, 4, 5), "last"),
        (("202611", 5, 9, 4), "next_number"),
        (("202611", 5, 9, 11), "next_number"),
        (("2026", 1, 9, 1), "month"),
    ],
)
def test_ticket_block_bad_state_raises(args: tuple[str, int, int, int], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TicketBlockState(*args)
    assert caught.value.field == field


@pytest.mark.parametrize("prefix", ["K7Q2", "ABCDEF", "Z2345"])
def test_validate_device_prefix_accepts_base32_without_ambiguous_letters(prefix: str) -> None:
    assert validate_device_prefix(prefix) == prefix


@pytest.mark.parametrize(
    "prefix", ["K7Q", "ABCDEFG", "k7q2", "K7O2", "K7I2", "K7L2", "K0Q2", "K8Q2", "K7Q-", ""]
)
def test_validate_device_prefix_refuses_bad_prefix(prefix: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_device_prefix(prefix)
    assert caught.value.field == "device_prefix"


def test_format_receipt_number_example() -> None:
    assert format_receipt_number("P", "K7Q2", 123) == "P-K7Q2-000123"
    assert format_receipt_number(ReceiptKind.RETURN, "K7Q2", 1_234_567) == "R-K7Q2-1234567"


@pytest.mark.parametrize(
    ("kind", "prefix", "seq", "field"),
    [("X", "K7Q2", 1, "kind"), ("P", "K7O2", 1, "device_prefix"), ("P", "K7Q2", 0, "sequence")],
)
def test_format_receipt_number_bad_input_raises(
    kind: str, prefix: str, seq: int, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        format_receipt_number(kind, prefix, seq)
    assert caught.value.field == field


def test_parse_receipt_number_accepts_typed_lower_case() -> None:
    assert parse_receipt_number(" p-k7q2-000123 ") == ReceiptNumber(ReceiptKind.PICKUP, "K7Q2", 123)


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "P-K7Q2-123",
        "X-K7Q2-000123",
        "P-K7O2-000123",
        "P-K7Q2-0000123",
        "P-K7Q2-000000",
        "PK7Q2000123",
    ],
)
def test_parse_receipt_number_junk_raises(junk: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_receipt_number(junk)
    assert caught.value.field == "receipt_number"


prefixes = st.text(alphabet=PREFIX_ALPHABET, min_size=4, max_size=6)
kinds = st.sampled_from(ReceiptKind)
sequences = st.integers(min_value=1, max_value=10**9)


@given(kinds, prefixes, sequences)
def test_receipt_number_format_parse_round_trip(kind: ReceiptKind, prefix: str, seq: int) -> None:
    text = format_receipt_number(kind, prefix, seq)
    assert parse_receipt_number(text) == (kind, prefix, seq)


@given(kinds, prefixes, sequences, prefixes, sequences)
def test_receipt_numbers_of_different_devices_never_collide(
    kind: ReceiptKind, first: str, seq1: int, second: str, seq2: int
) -> None:
    assume(first != second)
    assert format_receipt_number(kind, first, seq1) != format_receipt_number(kind, second, seq2)


def test_generate_device_prefix_is_valid() -> None:
    rng = random.Random(7)
    for length in (4, 5, 6):
        prefix = generate_device_prefix(length, rng.randrange)
        assert len(prefix) == length
        assert validate_device_prefix(prefix) == prefix
    assert validate_device_prefix(generate_device_prefix())
    with pytest.raises(ValidationError):
        generate_device_prefix(3)


@given(st.text(max_size=20))
def test_parse_ticket_any_text_is_canonical_number_or_validation_error(text: str) -> None:
    try:
        parsed = parse_ticket(text)
    except ValidationError:
        return
    assert format_ticket(*parsed) == text.strip()


@given(st.text(max_size=20))
def test_parse_receipt_number_any_text_is_canonical_number_or_validation_error(text: str) -> None:
    try:
        parsed = parse_receipt_number(text)
    except ValidationError:
        return
    assert format_receipt_number(*parsed) == text.strip().upper()

"""Signed content: one hash per meaning, a readable code, and frozen records."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import FrozenRecordError, ValidationError
from fieldtech.rules.signing import (
    VERIFICATION_CODE_LENGTH,
    canonical_bytes,
    content_hash,
    ensure_unchanged,
    hash_prefix,
    normalise_code,
    verification_code,
)

SLIP: dict[str, Any] = {
    "ticket": "202611-001",
    "customer": "王小明",
    "total": Decimal("268.43"),
    "status": JobStatus.SIGNED,
    "signed_at": dt.datetime(2026, 11, 25, 3, 4, 5, tzinfo=dt.UTC),
    "visit_date": dt.date(2026, 11, 25),
    "job_id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "parts": [{"number": "W10-220", "quantity": 2}, {"number": "BELT-7", "quantity": 1}],
    "paid": True,
    "note": None,
}


def test_content_hash_ignores_key_order() -> None:
    reordered = dict(reversed(list(SLIP.items())))
    reordered["parts"] = [dict(reversed(list(p.items()))) for p in SLIP["parts"]]
    assert list(reordered) != list(SLIP)
    assert content_hash(reordered) == content_hash(SLIP)


def test_content_hash_decimal_spelling_does_not_matter() -> None:
    assert content_hash({"v": Decimal("1.0")}) == content_hash({"v": Decimal("1.00")})
    assert content_hash({"v": Decimal("1.0")}) == content_hash({"v": Decimal("1")})
    assert content_hash({"v": Decimal("100")}) == content_hash({"v": Decimal("1E+2")})
    assert content_hash({"v": Decimal("-0.00")}) == content_hash({"v": Decimal("0")})
    assert content_hash({"v": Decimal("1.01")}) != content_hash({"v": Decimal("1.1")})


def test_content_hash_same_instant_in_other_zone_hashes_the_same() -> None:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    local = SLIP["signed_at"].astimezone(shanghai)
    assert content_hash({**SLIP, "signed_at": local}) == content_hash(SLIP)


def test_content_hash_unicode_normal_forms_hash_the_same() -> None:
    composed = {"customer": "Jos\u00e9"}
    decomposed = {"customer": "Jose\u0301"}
    assert content_hash(composed) == content_hash(decomposed)


def test_canonical_bytes_are_compact_sorted_utf8() -> None:
    assert canonical_bytes({"b": 1, "a": "王"}) == '{"a":"王","b":1}'.encode()


@pytest.mark.parametrize(
    "value",
    [
        1.5,
        dt.datetime(2026, 11, 25, 10, 0),
        Decimal("NaN"),
        Decimal("Infinity"),
        {1, 2},
        b"bytes",
    ],
)
def test_content_hash_refuses_values_that_have_no_single_spelling(value: object) -> None:
    with pytest.raises(TypeError):
        content_hash({"v": value})


def test_content_hash_refuses_keys_that_collide() -> None:
    with pytest.raises(TypeError, match="read the same"):
        content_hash({1: "a", "1": "b"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="text"):
        content_hash({"v": {(1, 2): "a"}})


class Colour(enum.Enum):
    RED = "red"


def test_content_hash_enum_equals_its_value() -> None:
    assert content_hash({"c": Colour.RED}) == content_hash({"c": "red"})
    assert content_hash({"s": JobStatus.SIGNED}) == content_hash({"s": "signed"})


def _changed(slip: dict[str, Any], key: str) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "ticket": "202611-002",
        "customer": "王小明 ",
        "total": Decimal("268.44"),
        "status": JobStatus.CLOSED,
        "signed_at": slip["signed_at"] + dt.timedelta(seconds=1),
        "visit_date": dt.date(2026, 11, 26),
        "job_id": uuid.UUID(int=1),
        "parts": [*slip["parts"], {"number": "X", "quantity": 1}],
        "paid": False,
        "note": "",
    }
    return {**slip, key: changes[key]}


@pytest.mark.parametrize("key", sorted(SLIP))
def test_content_hash_any_changed_field_changes_hash_and_code(key: str) -> None:
    changed = _changed(SLIP, key)
    assert content_hash(changed) != content_hash(SLIP)
    assert verification_code(content_hash(changed)) != verification_code(content_hash(SLIP))


@given(
    st.dictionaries(
        st.text(max_size=8),
        st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_content_hash_changing_any_value_changes_hash(
    content: dict[str, Any], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(content)))
    new_value = data.draw(st.text(min_size=1, max_size=20).map(lambda s: f"changed:{s}"))
    assert content_hash({**content, key: new_value}) != content_hash(content)
    with pytest.raises(FrozenRecordError):
        ensure_unchanged(content_hash(content), {**content, key: new_value})


def test_verification_code_shape() -> None:
    code = verification_code(content_hash(SLIP))
    parts = code.split("-")
    assert [len(p) for p in parts] == [4] * (VERIFICATION_CODE_LENGTH // 4)
    assert all(ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in "".join(parts))


def test_normalise_code_accepts_lower_case_spaces_and_misread_digits() -> None:
    code = verification_code(content_hash(SLIP))
    typed = " ".join(code.replace("-", "").lower()[i : i + 3] for i in range(0, 12, 3))
    assert normalise_code(typed) == code
    assert normalise_code("abcd efgh ijkl") == "ABCD-EFGH-IJKL"
    assert normalise_code("0o1i-aaaa-bbbb") == "OOII-AAAA-BBBB"


def test_ensure_unchanged_passes_for_same_content_and_unsigned_records() -> None:
    ensure_unchanged(content_hash(SLIP), dict(SLIP))
    ensure_unchanged(None, _changed(SLIP, "total"))


def test_ensure_unchanged_changed_signed_content_raises_frozen() -> None:
    with pytest.raises(FrozenRecordError, match="new revision") as caught:
        ensure_unchanged(content_hash(SLIP), _changed(SLIP, "total"))
    assert caught.value.code == "frozen"


@given(st.binary(min_size=32, max_size=32))
def test_hash_prefix_of_a_printed_code_is_the_start_of_its_hash(digest: bytes) -> None:
    hash_hex = digest.hex()
    code = verification_code(hash_hex)
    assert hash_prefix(code) == hash_hex[:15]
    assert hash_prefix(code.lower().replace("-", " ")) == hash_hex[:15]


@pytest.mark.parametrize(
    "typed", ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS", "ABCD-EFGH-JK8N", "????"]
)
def test_hash_prefix_refuses_what_is_not_a_code_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as raised:
        hash_prefix(typed)
    assert raised.value.field == "code"

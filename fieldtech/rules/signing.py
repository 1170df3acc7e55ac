"""Signed means frozen: a canonical form of exactly what a document shows, its SHA-256, and the
short verification code printed on the document and checked at the office."""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import hashlib
import json
import unicodedata
import uuid
from collections.abc import Mapping
from typing import Any

from fieldtech.domain.errors import FrozenRecordError, ValidationError

VERIFICATION_CODE_LENGTH = 12


def _normalise(value: Any) -> Any:
    """Turn a value into plain JSON types in one spelling, so equal content hashes equally."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, float):
        raise TypeError("floats are not allowed in signed content; use Decimal for money")
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise TypeError("only finite Decimal values can be signed")
        return format(value.normalize(), "f") if value != 0 else "0"
    if isinstance(value, enum.Enum):
        return _normalise(value.value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise TypeError("naive datetime in signed content; store times in UTC")
        return value.astimezone(dt.UTC).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = (
                str(key) if isinstance(key, int) and not isinstance(key, bool) else _normalise(key)
            )
            if not isinstance(name, str):
                raise TypeError(f"keys of signed content must be text, not {type(key).__name__}")
            if name in out:
                raise TypeError(f"two keys of signed content read the same: {name!r}")
            out[name] = _normalise(item)
        return out
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    raise TypeError(f"cannot sign a value of type {type(value).__name__}")


def canonical_bytes(content: Mapping[str, Any]) -> bytes:
    """Sorted keys, no whitespace, UTF-8, normalised values: one byte string per meaning."""
    return json.dumps(
        _normalise(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def content_hash(content: Mapping[str, Any]) -> str:
    """Hex SHA-256 of the canonical form."""
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def verification_code(hash_hex: str) -> str:
    """A short, readable code derived from the content hash (base32, grouped for reading aloud)."""
    raw = base64.b32encode(bytes.fromhex(hash_hex)).decode("ascii")[:VERIFICATION_CODE_LENGTH]
    return "-".join(raw[i : i + 4] for i in range(0, VERIFICATION_CODE_LENGTH, 4))


_MISREAD = str.maketrans({"0": "O", "1": "I"})


def normalise_code(code: str) -> str:
    """Accept a code as typed by a person: any case, with or without dashes or spaces. Codes are
    base32, which has no 0 or 1, so a 0 or 1 typed by a person is read as the O or I printed."""
    clean = "".join(ch for ch in code.upper() if ch.isascii() and ch.isalnum()).translate(_MISREAD)
    return "-".join(clean[i : i + 4] for i in range(0, len(clean), 4))


def hash_prefix(code: str) -> str:
    """The hex prefix of the content hash a verification code stands for (its first 60 bits), so
    the office finds the signed record with an index lookup instead of hashing every record."""
    clean = normalise_code(code).replace("-", "")
    if len(clean) != VERIFICATION_CODE_LENGTH or any(c not in _B32 for c in clean):
        raise ValidationError(
            "code",
            f"{code!r} is not a verification code; it has {VERIFICATION_CODE_LENGTH} letters and "
            "digits 2-7, as printed under the QR code (e.g. ABCD-EFGH-JKMN)",
        )
    raw = base64.b32decode(clean + "A" * 4)
    return raw.hex()[: VERIFICATION_CODE_LENGTH * 5 // 4]


_B32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def ensure_unchanged(signed_hash: str | None, content: Mapping[str, Any]) -> None:
    """Refuse a change to signed content: it needs a new revision and a new signature."""
    if signed_hash is not None and content_hash(content) != signed_hash:
        raise FrozenRecordError(
            "this record was signed by the customer; "
            "start a new revision and ask for a new signature"
        )

"""Stored column values straight to their wire spelling (fieldtech.store.codec), for pull pages.

A page is thousands of rows: reading each UUID and timestamp into a Python object only to print
it again cost more than the query. UUID, timestamp and enum columns are read as the database
returns them and spelled out directly; anything not in the expected form goes the long way (the
column's own result processing, then `encode_value`), so both give the same text (tests compare).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, Dialect, Enum, String, Uuid, type_coerce
from sqlalchemy.orm import Mapper
from sqlalchemy.sql.elements import ColumnElement

from fieldtech.models.base import UTCDateTime
from fieldtech.store.codec import encode_value

Encode = Callable[[Any], Any]
HEX = frozenset("0123456789abcdef")


def long_way(column: Column[Any], dialect: Dialect) -> Encode:
    processor = column.type.dialect_impl(dialect).result_processor(dialect, None)

    def encode(value: Any) -> Any:
        if value is not None and processor is not None:
            value = processor(value)
        return encode_value(value)

    return encode


def _uuid(slow: Encode) -> Encode:
    def encode(value: Any) -> Any:
        if type(value) is str and len(value) == 32 and HEX.issuperset(value):
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return slow(value)

    return encode


def _utc_datetime(slow: Encode) -> Encode:
    """SQLite's `YYYY-MM-DD HH:MM:SS.ffffff` (naive UTC) to ISO 8601 with its +00:00."""

    def encode(value: Any) -> Any:
        if type(value) is str and len(value) == 26 and value[10] == " " and value[19] == ".":
            if value.endswith(".000000"):
                return f"{value[:10]}T{value[11:19]}+00:00"
            return f"{value[:10]}T{value[11:]}+00:00"
        return slow(value)

    return encode


def _remembered(slow: Encode) -> Encode:
    """For columns with few distinct values (enums): each spelled once, then looked up."""
    known: dict[Any, Any] = {}

    def encode(value: Any) -> Any:
        try:
            return known[value]
        except KeyError:
            known[value] = spelled = slow(value)
            return spelled

    return encode


def _plain(slow: Encode, kinds: tuple[type, ...]) -> Encode:
    def encode(value: Any) -> Any:
        return value if value is None or type(value) in kinds else slow(value)

    return encode


def column_encoder(column: Column[Any], dialect: Dialect) -> tuple[ColumnElement[Any], Encode]:
    """What to select for a column, and how to spell what comes back."""
    kind = column.type
    if isinstance(kind, Uuid | UTCDateTime | Enum):
        raw = type_coerce(column, String)  # no result processing: the stored form comes back
        slow = long_way(column, dialect)
        if isinstance(kind, Uuid):
            return raw, _uuid(slow)
        if isinstance(kind, UTCDateTime):
            return raw, _utc_datetime(slow)
        return raw, _remembered(slow)
    try:
        python_type = kind.python_type
    except NotImplementedError:
        return column, encode_value
    if python_type in (str, int, bool, float):
        return column, _plain(encode_value, (python_type,))
    return column, encode_value


@functools.lru_cache(maxsize=256)
def table_encoders(
    mapper: Mapper[Any], dialect: Dialect
) -> tuple[tuple[ColumnElement[Any], ...], tuple[tuple[str, Encode], ...]]:
    """For a model: the expressions to select, and each attribute's key and encoder."""
    selected = []
    encoders = []
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        assert isinstance(column, Column)
        expression, encode = column_encoder(column, dialect)
        selected.append(expression)
        encoders.append((attr.key, encode))
    return tuple(selected), tuple(encoders)

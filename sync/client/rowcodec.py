"""Pulled values straight to what the laptop's SQLite stores, for bulk inserts.

A first sync writes tens of thousands of rows. Turning each wire value into a Python object
(UUID, datetime, enum) and letting SQLAlchemy turn it back into text cost more than the writes.
Each column gets one converter, built once from its type; the common spellings take a string
shortcut and anything else goes the long way, through `decode_value` and the column's own bind
processor, so the stored value is the same either way (tests compare the two).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Column, Dialect, Enum, Table, Uuid
from sqlalchemy.orm import Mapper

from fieldtech.models.base import UTCDateTime
from fieldtech.store.codec import decode_value

Convert = Callable[[Any], Any]


def _long_way(column: Column[Any], dialect: Dialect) -> Convert:
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)

    def convert(value: Any) -> Any:
        decoded = decode_value(column, value)
        return decoded if processor is None or decoded is None else processor(decoded)

    return convert


def _uuid(slow: Convert) -> Convert:
    def convert(value: Any) -> Any:
        if isinstance(value, str) and len(value) == 36:
            return value.replace("-", "").lower()
        return slow(value)

    return convert


def _utc_datetime(slow: Convert) -> Convert:
    """ISO 8601 in UTC, as the office spells it, to SQLite's `YYYY-MM-DD HH:MM:SS.ffffff`."""

    def convert(value: Any) -> Any:
        if isinstance(value, str) and value.endswith("+00:00") and value[10:11] == "T":
            clock = value[11:-6]
            if len(clock) == 8:
                return f"{value[:10]} {clock}.000000"
            if len(clock) == 15 and clock[8] == ".":
                return f"{value[:10]} {clock}"
        return slow(value)

    return convert


def _enum(enum_class: type[Any], slow: Convert) -> Convert:
    stored = {member.value: slow(member.value) for member in enum_class}

    def convert(value: Any) -> Any:
        found = stored.get(value) if isinstance(value, str) else None
        return found if found is not None else slow(value)

    return convert


def _plain(slow: Convert, kinds: tuple[type, ...]) -> Convert:
    def convert(value: Any) -> Any:
        return value if value is None or type(value) in kinds else slow(value)

    return convert


def column_converter(column: Column[Any], dialect: Dialect) -> Convert:
    slow = _long_way(column, dialect)
    column_type = column.type
    if isinstance(column_type, Uuid):
        return _uuid(slow)
    if isinstance(column_type, UTCDateTime):
        return _utc_datetime(slow)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return _enum(column_type.enum_class, slow)
    try:
        python_type = column_type.python_type
    except NotImplementedError:
        return slow
    if python_type in (str, int):
        # Plain text and integers are stored as they come (a bool is not an int here).
        return _plain(slow, (python_type,))
    return slow


@functools.lru_cache(maxsize=256)
def table_codec(
    mapper: Mapper[Any], dialect: Dialect
) -> tuple[str, dict[str, tuple[int, Convert]]]:
    """The INSERT statement for a model's table and, per attribute, its place and converter."""
    table = cast(Table, mapper.local_table)
    columns = list(table.columns)
    names = ", ".join(f'"{c.name}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    places = {c.name: n for n, c in enumerate(columns)}
    converters: dict[str, tuple[int, Convert]] = {}
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        assert isinstance(column, Column)
        converters[attr.key] = (places[column.name], column_converter(column, dialect))
    return sql, converters


def insert_params(
    mapper: Mapper[Any], dialect: Dialect, rows: list[dict[str, Any]]
) -> tuple[str, list[tuple[Any, ...]]] | None:
    """Positional parameters for inserting these wire rows; None when a row leaves a column
    out (its default must then come from the model, the long way).

    The rows of a page spell their fields in one order, so where each goes is worked out once
    per order, not once per value."""
    sql, converters = table_codec(mapper, dialect)
    width = len(converters)
    params: list[tuple[Any, ...]] = []
    order: tuple[str, ...] = ()
    places: list[int] = []
    convert: list[Convert] = []
    in_place = False
    for row in rows:
        if len(row) != width:
            return None
        keys = tuple(row)
        if keys != order:
            for key in keys:
                if key not in converters:
                    raise KeyError(key)
            order = keys
            places = [converters[key][0] for key in keys]
            convert = [converters[key][1] for key in keys]
            in_place = places == list(range(width))
        if in_place:
            params.append(tuple([c(v) for c, v in zip(convert, row.values(), strict=True)]))
            continue
        values: list[Any] = [None] * width
        for place, c, v in zip(places, convert, row.values(), strict=True):
            values[place] = c(v)
        params.append(tuple(values))
    return sql, params

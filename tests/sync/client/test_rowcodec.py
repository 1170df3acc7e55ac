"""Pulled values go straight to their stored form: the shortcut stores what the long way would."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Column, Enum, Uuid
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from fieldtech.models.base import UTCDateTime
from fieldtech.models.registry import MODELS
from fieldtech.store.codec import encode_value
from sync.client.rowcodec import _long_way, column_converter, insert_params

DIALECT = SQLiteDialect_pysqlite()


def _samples(column: Column[Any]) -> list[Any]:
    kind = column.type
    if isinstance(kind, Uuid):
        return [str(uuid.uuid4()), str(uuid.uuid4()).upper(), None]
    if isinstance(kind, UTCDateTime):
        return [
            encode_value(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)),
            encode_value(dt.datetime(2026, 11, 25, 9, 0, 1, 120, tzinfo=dt.UTC)),
            "2026-11-25T17:00:00+08:00",
            None,
        ]
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return [m.value for m in kind.enum_class] + [None]
    python_type = kind.python_type
    if python_type is Decimal:
        return ["12.50", "3", None]
    if python_type is bool:
        return [True, False]
    if python_type is int:
        return [0, 7]
    if python_type is str:
        return ["", "张伟 Zhang"]
    return []


COLUMNS = [
    pytest.param(attr.columns[0], id=f"{table}.{attr.key}")
    for table, model in MODELS.items()
    for attr in model.__mapper__.column_attrs
]


@pytest.mark.parametrize("column", COLUMNS)
def test_shortcut_stores_what_the_long_way_stores(column: Column[Any]) -> None:
    fast = column_converter(column, DIALECT)
    slow = _long_way(column, DIALECT)
    for value in _samples(column):
        assert fast(value) == slow(value), value


def test_datetime_shortcut_keeps_microseconds_and_moves_other_offsets_to_utc() -> None:
    column = MODELS["jobs"].__table__.c.created_at
    convert = column_converter(column, DIALECT)
    assert convert("2026-11-25T09:00:00+00:00") == "2026-11-25 09:00:00.000000"
    assert convert("2026-11-25T09:00:00.000120+00:00") == "2026-11-25 09:00:00.000120"
    assert convert("2026-11-25T17:00:00+08:00") == "2026-11-25 09:00:00.000000"


def test_unknown_field_is_refused_by_name() -> None:
    mapper = MODELS["technicians"].__mapper__
    row = {a.key: None for a in mapper.column_attrs}
    row.pop("id")
    row["no_such_field"] = "x"
    with pytest.raises(KeyError, match="no_such_field"):
        insert_params(mapper, DIALECT, [row])


def test_row_missing_a_field_goes_the_long_way() -> None:
    mapper = MODELS["technicians"].__mapper__
    assert insert_params(mapper, DIALECT, [{"id": str(uuid.uuid4())}]) is None


def test_rows_in_any_field_order_give_the_same_parameters() -> None:
    mapper = MODELS["technicians"].__mapper__
    row = {a.key: None for a in mapper.column_attrs}
    row.update(id=str(uuid.uuid4()), username="li.na", display_name="Li Na")
    reordered = dict(reversed(list(row.items())))
    found = insert_params(mapper, DIALECT, [row, reordered, row])
    assert found is not None
    _, params = found
    assert params[0] == params[1] == params[2]
    assert uuid.UUID(row["id"]).hex in params[0]

"""JSON spelling of column values for the outbox and the wire: exact, timezone-explicit, reversible."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Date, Enum, Uuid
from sqlalchemy.orm import Mapper

from fieldtech.models.base import Money, UTCDateTime


def encode_value(value: Any) -> Any:
    """One value to plain JSON: Decimal and UUID as strings, times as ISO 8601 in UTC."""
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode_value(v) for k, v in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__} for sync")


def decode_value(column: ColumnElement[Any], value: Any) -> Any:
    """The inverse of encode_value for one column, driven by the column's type."""
    if value is None:
        return None
    col_type = column.type
    if isinstance(col_type, UTCDateTime):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if isinstance(col_type, Money):
        return Decimal(value)
    if isinstance(col_type, Uuid):
        return uuid.UUID(value)
    if isinstance(col_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(col_type, Enum) and col_type.enum_class is not None:
        return col_type.enum_class(value)
    return value


def encode_row(mapper: Mapper[Any], obj: Any, keys: list[str] | None = None) -> dict[str, Any]:
    """Column values of `obj` (all, or only `keys`) in their JSON spelling."""
    out: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        if keys is None or attr.key in keys:
            out[attr.key] = encode_value(getattr(obj, attr.key))
    return out


def decode_row(mapper: Mapper[Any], payload: dict[str, Any]) -> dict[str, Any]:
    """Payload from the wire back to Python values; unknown keys are refused by name."""
    out: dict[str, Any] = {}
    attrs = {attr.key: attr for attr in mapper.column_attrs}
    for key, value in payload.items():
        attr = attrs.get(key)
        if attr is None:
            raise KeyError(key)
        out[key] = decode_value(attr.columns[0], value)
    return out

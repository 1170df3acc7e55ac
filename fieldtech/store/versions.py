"""How `record_versions` stores a record's office version compactly: ids as 16 bytes, tables as
small numbers, one `WITHOUT ROWID` b-tree keyed by the record id and no other index.

Spelled as text, with a rowid and two indexes, the table took about 190 bytes a record, more than
half of the data it describes; this layout takes about 60. Eviction finds a job's records by
scanning it (a few milliseconds per ten thousand jobs), which is rare next to the lookups by id
every pulled page makes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Dialect, LargeBinary, SmallInteger, TypeDecorator

# Append-only: a code, once shipped, names its table for good (stored codes outlive releases).
TABLE_CODES: dict[str, int] = {
    "technicians": 1,
    "product_categories": 2,
    "company_profile": 3,
    "calendar_overrides": 4,
    "fault_cases": 5,
    "customers": 6,
    "customer_items": 7,
    "jobs": 8,
    "visits": 9,
    "diagnoses": 10,
    "advice_notes": 11,
    "parts_used": 12,
    "van_stock": 13,
    "charge_lines": 14,
    "payments": 15,
    "attachments": 16,
    "signatures": 17,
    "pickup_receipts": 18,
    "return_receipts": 19,
    "item_movements": 20,
    "follow_ups": 21,
    "complaints": 22,
}
TABLE_NAMES = {code: name for name, code in TABLE_CODES.items()}


def table_code(table: str) -> int:
    try:
        return TABLE_CODES[table]
    except KeyError:
        raise ValueError(
            f"record_versions: table {table!r} has no code; add one to TABLE_CODES"
        ) from None


class UuidBytes(TypeDecorator[uuid.UUID]):
    """A UUID as its 16 bytes (half the 32-character text SQLAlchemy stores on SQLite)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: uuid.UUID | None, dialect: Dialect) -> bytes | None:
        return None if value is None else value.bytes

    def process_result_value(self, value: Any, dialect: Dialect) -> uuid.UUID | None:
        return None if value is None else uuid.UUID(bytes=bytes(value))


class TableCode(TypeDecorator[str]):
    """A synced table's name, stored as its number in TABLE_CODES."""

    impl = SmallInteger
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> int | None:
        return None if value is None else table_code(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else TABLE_NAMES[int(value)]


VersionRow = tuple[uuid.UUID, uuid.UUID | None, int, int]
"""(record id, scope, version, digest) of one record."""

_INSERT = (
    "INSERT INTO record_versions (record_id, table_code, scope, version, digest) "
    "VALUES (?, ?, ?, ?, ?)"
)


def insert_versions(connection: Connection, table: str, rows: Iterable[VersionRow]) -> None:
    """New versions of records of one table, in one driver-level `executemany`."""
    code = table_code(table)
    params = [
        (rid.bytes, code, None if scope is None else scope.bytes, version, digest)
        for rid, scope, version, digest in rows
    ]
    if params:
        connection.exec_driver_sql(_INSERT, params)

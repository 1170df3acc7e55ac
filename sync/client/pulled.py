"""Rows of a pull page as the apply step reads them, whether they came one by one (`rows`) or in
column blocks (`tables`).

A block row becomes a small tuple, not a validated model: at tens of thousands of rows the
validation cost more than writing them. What the apply step relies on is checked here, naming
the table and the field that is wrong.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any, NamedTuple, Protocol

from sync.protocol.schemas import RowBlock


class Pulled(Protocol):
    """A record as the office holds it now (`fields` None: deleted)."""

    @property
    def table(self) -> str: ...

    @property
    def record_id(self) -> uuid.UUID: ...

    @property
    def version(self) -> int: ...

    @property
    def scope(self) -> uuid.UUID | None: ...

    @property
    def fields(self) -> dict[str, Any] | None: ...


class PulledRow(NamedTuple):
    table: str
    record_id: uuid.UUID
    version: int
    scope: uuid.UUID | None
    fields: dict[str, Any] | None


_new = object.__new__
_set = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def _uuid(value: Any, table: str, field: str) -> uuid.UUID:
    """The office's spelling `8-4-4-4-12` made straight into a UUID (UUID's own parsing was a
    tenth of applying a page); anything else the long way, or an error naming the field."""
    try:
        if type(value) is str and len(value) == 36 and value[8] == value[23] == "-":
            made: uuid.UUID = _new(uuid.UUID)
            _set(made, "int", int(value.replace("-", ""), 16))
            _set(made, "is_safe", _UNKNOWN)
            return made
        return uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        raise ValueError(
            f"pull page, table {table}: {field} {value!r} is not a UUID; "
            "the office sent a malformed row"
        ) from None


def block_rows(block: RowBlock) -> Iterator[PulledRow]:
    """Each row of a block: `[version, scope, *values in column order]`."""
    table, columns = block.table, block.columns
    width = len(columns) + 2
    try:
        at = columns.index("id")
    except ValueError:
        raise ValueError(f"pull page, table {table}: the columns have no id") from None
    scopes: dict[str, uuid.UUID] = {}  # a job's rows share it
    for row in block.rows:
        if len(row) != width:
            raise ValueError(
                f"pull page, table {table}: a row has {len(row)} values for "
                f"{width} (version, scope and {len(columns)} columns)"
            )
        version, scope = row[0], row[1]
        if type(version) is not int:
            raise ValueError(f"pull page, table {table}: version {version!r} is not a number")
        if scope is not None:
            found = scopes.get(scope) if type(scope) is str else None
            if found is None:
                found = scopes[scope] = _uuid(scope, table, "scope")
            scope = found
        values = row[2:]
        record_id = _uuid(values[at], table, "id")
        yield PulledRow(table, record_id, version, scope, dict(zip(columns, values, strict=True)))

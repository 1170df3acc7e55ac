"""Per-field write stamps of a record: which side last wrote each field, at which sequence number.

A push compares them with the laptop's base cursor to tell a genuine same-field clash from a stale
base. Stored as one stamp for every field (the record's creation, usually) plus the fields whose
stamp differs: `[seq, side]` or `[seq, side, {"field": [seq, side], "other": 0}]`, `0` for a field
never stamped, sides as one letter. Kept per field for every column, as the office once did
(`{"field": [seq, "office"], ...}`), the stamps weighed more than the records they described;
that older form is still read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sync.server.replication.registry import MODELS

Stamp = tuple[int, str]
"""(sequence number, side) of the last write of a field."""

_CODES = {"office": "o", "technician": "t"}
_SIDES = {code: side for side, code in _CODES.items()}


@cache
def columns(table: str) -> frozenset[str]:
    """The fields of a synced table, as its change capture names them."""
    model = MODELS.get(table)
    if model is None:
        return frozenset()
    return frozenset(a.key for a in model.__mapper__.column_attrs)


def _stamp(raw: Any) -> Stamp | None:
    if not raw:
        return None
    seq, side = raw[0], raw[1]
    return int(seq), _SIDES.get(side, side)


def _raw(stamp: Stamp | None) -> Any:
    return 0 if stamp is None else [stamp[0], _CODES.get(stamp[1], stamp[1])]


@dataclass(frozen=True)
class Stamps:
    """A record's stamps: `base` for every field not in `fields` (None: never stamped)."""

    base: Stamp | None = None
    fields: dict[str, Stamp | None] = field(default_factory=dict)

    def of(self, name: str) -> Stamp | None:
        return self.fields.get(name, self.base)

    def written(self, table: str, names: list[str], stamp: Stamp) -> Stamps:
        """These fields written now; every field written at once resets to one stamp."""
        if not names:
            return self
        if columns(table) and columns(table) <= set(names):
            return Stamps(stamp)
        fields = dict(self.fields)
        for name in names:
            fields[name] = stamp
        if self.base is not None:
            fields = {k: v for k, v in fields.items() if v != self.base}
        return Stamps(self.base, fields)

    def stored(self) -> list[Any]:
        if self.base is None and not self.fields:
            return []
        head = [0, ""] if self.base is None else _raw(self.base)
        if not self.fields:
            return list(head)
        return [*head, {k: _raw(v) for k, v in sorted(self.fields.items())}]


def read(raw: Any) -> Stamps:
    """Stamps as stored, in either form."""
    if not raw:
        return Stamps()
    if isinstance(raw, dict):  # the older form: every field listed
        return Stamps(None, {k: _stamp(v) for k, v in raw.items()})
    base = _stamp(raw) if raw[0] else None
    fields = {k: _stamp(v) for k, v in raw[2].items()} if len(raw) > 2 else {}
    return Stamps(base, fields)


def compact(table: str, raw: Any) -> list[Any]:
    """An older stamp map in the compact form, meaning the same for every field of the table:
    the most common stamp becomes the base; fields that had none are marked so."""
    stamps = read(raw)
    if stamps.base is not None or not stamps.fields:
        return stamps.stored()
    counted: dict[Stamp, int] = {}
    for stamp in stamps.fields.values():
        if stamp is not None:
            counted[stamp] = counted.get(stamp, 0) + 1
    if not counted:
        return []
    base = max(counted, key=lambda s: (counted[s], s))
    fields = {k: v for k, v in stamps.fields.items() if v != base}
    fields.update({name: None for name in columns(table) - set(stamps.fields)})
    return Stamps(base, fields).stored()

"""Pull pages spell stored values straight for the wire: the same text as the long way."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Enum, Uuid, select
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from fieldtech.models.base import UTCDateTime
from fieldtech.models.registry import MODELS, OFFICE_ONLY
from fieldtech.store.codec import encode_row
from sync.client.pulled import block_rows
from sync.protocol.schemas import PullRequest
from sync.server.replication.pull import page_json, pull
from sync.server.replication.rows import as_uuid, row_blocks, row_states
from sync.server.replication.wire import column_encoder, long_way
from tests.sync.replication.harness import Laptop, add_technician, office, register_device
from tests.sync.replication.test_round_trip import office_job

DIALECT = SQLiteDialect_pysqlite()


def _stored(column: Column[Any]) -> list[Any]:
    kind = column.type
    if isinstance(kind, Uuid):
        return [uuid.uuid4().hex, str(uuid.uuid4()), None]
    if isinstance(kind, UTCDateTime):
        return ["2026-11-25 09:00:00.000000", "2026-11-25 09:00:00.000120", "2026-11-25 09:00:00"]
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return [m.value for m in kind.enum_class] + [None]
    return []


COLUMNS = [
    pytest.param(attr.columns[0], id=f"{table}.{attr.key}")
    for table, model in MODELS.items()
    for attr in model.__mapper__.column_attrs
    if isinstance(attr.columns[0].type, Uuid | UTCDateTime | Enum)
]


@pytest.mark.parametrize("column", COLUMNS)
def test_shortcut_spells_what_the_long_way_spells(column: Column[Any]) -> None:
    _, fast = column_encoder(column, DIALECT)
    slow = long_way(column, DIALECT)
    for value in _stored(column):
        assert fast(value) == slow(value), value


def test_datetime_spelling_drops_zero_microseconds_like_isoformat() -> None:
    _, fast = column_encoder(MODELS["jobs"].__table__.c.created_at, DIALECT)
    assert fast("2026-11-25 09:00:00.000000") == "2026-11-25T09:00:00+00:00"
    assert fast("2026-11-25 09:00:00.000120") == "2026-11-25T09:00:00.000120+00:00"
    assert (
        fast("2026-11-25 09:00:00.000000")
        == dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC).isoformat()
    )


def test_row_states_match_the_orm_spelling_of_every_row(tmp_path: Path) -> None:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    for n in range(3):
        office_job(sessions, tech, name=f"Customer {n}")
    with sessions() as session:
        expected = {
            obj.id: encode_row(model.__mapper__, obj)
            for table, model in MODELS.items()
            if table not in OFFICE_ONLY
            for obj in session.scalars(select(model))
        }
        tables = {
            obj.id: table
            for table, model in MODELS.items()
            if table not in OFFICE_ONLY
            for obj in session.scalars(select(model))
        }
        states = row_states(session, [(t, rid) for rid, t in tables.items()])
    assert len(states) == len(expected) > 5
    for state in states:
        assert state.fields == expected[state.record_id], state.table


def test_row_blocks_carry_what_row_states_carry(tmp_path: Path) -> None:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    jobs = [office_job(sessions, tech, name=f"Customer {n}") for n in range(3)]
    with sessions.begin() as session:
        session.delete(session.get(MODELS["jobs"], jobs[0]))  # a tombstone among them
    with sessions() as session:
        ids = [
            (table, rid)
            for table, model in MODELS.items()
            if table not in OFFICE_ONLY
            for rid in session.scalars(select(model.id))
        ] + [("jobs", jobs[0])]
        states = row_states(session, ids)
        blocks, tombstones = row_blocks(session, ids)
    pulled = [row for block in blocks for row in block_rows(block)]
    assert [t.record_id for t in tombstones] == [jobs[0]]
    assert tombstones[0].fields is None
    assert len(pulled) + len(tombstones) == len(states) > 5
    by_id = {s.record_id: s for s in states}
    for row in pulled:
        state = by_id[row.record_id]
        assert (row.table, row.version, row.scope, row.fields) == (
            state.table,
            state.version,
            state.scope,
            state.fields,
        )


def test_raw_uuid_reads_back_the_same_uuid() -> None:
    for value in (uuid.uuid4(), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1)):
        made = as_uuid(value.hex)
        assert made == value
        assert hash(made) == hash(value)
        assert str(made) == str(value)
    assert as_uuid(None) is None
    assert as_uuid(str(uuid.UUID(int=7))) == uuid.UUID(int=7)


def test_page_json_is_the_page_as_its_message_spells_it(tmp_path: Path) -> None:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    laptop = Laptop(tmp_path / "laptop", sessions, tech, "K7Q2")
    register_device(sessions, laptop, "li.na")
    office_job(sessions, tech)
    try:
        with sessions() as session:
            for blocks in (True, False):
                answer = pull(session, laptop.ctx, PullRequest(protocol=1, cursor=0, blocks=blocks))
                assert bool(answer.tables) is blocks
                assert json.loads(page_json(answer)) == json.loads(answer.model_dump_json())
    finally:
        laptop.close()

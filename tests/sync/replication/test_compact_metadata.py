"""The office's sync metadata kept small: one change-log entry per record, compact stamps."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Job
from fieldtech.usecases.visit import record_work_done
from sync.server.replication.stamps import Stamps, columns, compact
from sync.server.replication.stamps import read as read_stamps
from sync.server.replication.tables import ChangeLogEntry, RecordMeta
from tests.sync.replication.harness import World
from tests.sync.replication.test_round_trip import office_job


def _entries(sessions: sessionmaker[Session], record_id: uuid.UUID) -> list[int]:
    with sessions() as session:
        query = select(ChangeLogEntry.seq).where(ChangeLogEntry.record_id == record_id)
        return list(session.scalars(query))


def _meta(sessions: sessionmaker[Session], record_id: uuid.UUID) -> RecordMeta:
    with sessions() as session:
        meta = session.get(RecordMeta, record_id)
        assert meta is not None
        session.expunge(meta)
        return meta


def test_a_record_edited_many_times_keeps_one_entry_and_a_behind_cursor_gets_the_last(
    world: World,
) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    for n in range(3):
        with sessions.begin() as session:
            job = session.get(Job, job_id)
            assert job is not None
            job.fault_description = f"edit {n}"
    assert _entries(sessions, job_id) == [_meta(sessions, job_id).version]
    assert laptop.engine.sync().ok
    with laptop.db() as session:
        assert session.get(Job, job_id).fault_description == "edit 2"  # type: ignore[union-attr]


def test_a_deletion_after_edits_still_reaches_the_laptop(world: World) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    with sessions.begin() as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.fault_description = "about to go"
    with sessions.begin() as session:
        session.delete(session.get(Job, job_id))
    assert _entries(sessions, job_id) == [_meta(sessions, job_id).version]
    assert _meta(sessions, job_id).deleted
    assert laptop.engine.sync().ok
    with laptop.db() as session:
        assert session.get(Job, job_id) is None


def test_stamps_hold_one_stamp_and_the_fields_written_after(world: World) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    created = _meta(sessions, job_id)
    assert created.stamps == [created.version, "o"]
    assert laptop.engine.sync().ok
    record_work_done(laptop.db, job_id, "Replaced the pump")
    assert laptop.engine.sync().ok
    edited = _meta(sessions, job_id)
    stamps = read_stamps(edited.stamps)
    assert stamps.of("work_done") == (edited.version, "technician")
    assert stamps.of("fault_description") == (created.version, "office")
    assert len(str(edited.stamps)) < 80


def test_the_older_stamp_form_compacts_to_the_same_answer_for_every_field() -> None:
    fields = sorted(columns("jobs"))
    old: dict[str, list[object]] = {f: [41, "office"] for f in fields}
    old["work_done"] = [57, "technician"]
    del old["closed_at"]  # a column added after the record was made: never stamped
    kept = read_stamps(compact("jobs", old))
    before = read_stamps(old)
    assert all(kept.of(f) == before.of(f) for f in fields)
    assert kept.base == (41, "office")
    assert Stamps().written("jobs", fields, (9, "office")) == Stamps((9, "office"))

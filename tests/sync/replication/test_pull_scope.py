"""Pull by scope: a device reads its own jobs' change-log entries, and a quiet pull compares only
the jobs changed since its scope last matched."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Job
from sync.protocol.schemas import PullRequest
from sync.server.replication import held
from sync.server.replication.capture import head
from sync.server.replication.held import log_entries
from sync.server.replication.pull import pull
from sync.server.replication.scope_mark import scope_matched
from sync.server.replication.tables import DeviceSyncState
from tests.sync.replication.harness import Laptop, add_technician, office, register_device
from tests.sync.replication.test_round_trip import office_job

World = tuple[sessionmaker[Session], Laptop, uuid.UUID, uuid.UUID]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    other = add_technician(sessions, "wang.lei")
    laptop = Laptop(tmp_path / "laptop", sessions, tech, "K7Q2")
    register_device(sessions, laptop, "li.na")
    yield sessions, laptop, tech, other
    laptop.close()


def _write_work_done(sessions: sessionmaker[Session], job_id: uuid.UUID, name: str) -> None:
    with sessions.begin() as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.work_done = name


@pytest.mark.parametrize("scan", [held.LOG_SCAN, 0])
def test_pull_reads_only_entries_of_held_jobs_and_of_no_job(
    world: World, scan: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions, laptop, tech, other = world
    monkeypatch.setattr(held, "LOG_SCAN", scan)  # 0: always look entries up job by job
    mine = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    with sessions() as session:
        cursor = head(session.connection())
    theirs = [office_job(sessions, other, name=f"Other {n}") for n in range(3)]
    for job_id in theirs:
        _write_work_done(sessions, job_id, "their work")
    _write_work_done(sessions, mine, "my work")
    with sessions() as session:
        now = head(session.connection())
        entries = log_entries(session, laptop.ctx, cursor, now, 100)
    assert [e.record_id for e in entries if e.table_name == "jobs"] == [mine]
    # Other technicians' new customers and items belong to no job: read, then filtered out.
    assert {e.table_name for e in entries} == {"jobs", "customers", "customer_items"}
    assert laptop.engine.sync().ok
    with laptop.db() as session:
        assert session.scalars(select(Job.id)).all() == [mine]
        assert session.get(Job, mine).work_done == "my work"  # type: ignore[union-attr]


def test_pull_cursor_moves_past_entries_the_device_does_not_read(world: World) -> None:
    sessions, laptop, tech, other = world
    office_job(sessions, tech)
    assert laptop.engine.sync().ok
    _write_work_done(sessions, office_job(sessions, other), "not theirs")
    with sessions() as session:
        now = head(session.connection())
        cursor = now - 1
        answer = pull(session, laptop.ctx, PullRequest(protocol=1, cursor=cursor))
    assert answer.rows == []
    assert answer.cursor == now
    assert not answer.has_more


def _mark(sessions: sessionmaker[Session], laptop: Laptop) -> int | None:
    with sessions() as session:
        return session.scalar(
            select(DeviceSyncState.scope_seq).where(
                DeviceSyncState.device_id == laptop.ctx.device_id
            )
        )


def test_quiet_pull_marks_scope_and_later_changes_still_come_and_go(world: World) -> None:
    sessions, laptop, tech, other = world
    kept = office_job(sessions, tech)
    leaving = office_job(sessions, tech, name="Leaving")
    assert laptop.engine.sync().ok
    assert laptop.engine.sync().ok
    marked = _mark(sessions, laptop)
    with sessions() as session:
        assert marked == head(session.connection())
    # After the mark: a job assigned in, one reassigned away, one opened for someone else.
    arriving = office_job(sessions, other, name="Arriving")
    office_job(sessions, other, name="Never mine")
    with sessions.begin() as session:
        job = session.get(Job, leaving)
        assert job is not None
        job.technician_id = other
    with sessions.begin() as session:
        job = session.get(Job, arriving)
        assert job is not None
        job.technician_id = tech
    with sessions() as session:
        since = scope_matched(session, laptop.ctx.device_id, head(session.connection())).since
    assert since == marked  # the quiet path: only jobs changed after the mark are compared
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert report.evicted == 1
    with laptop.db() as session:
        assert set(session.scalars(select(Job.id))) == {kept, arriving}


def test_mark_is_not_stored_over_a_pull_that_changed_the_held_jobs(world: World) -> None:
    sessions, laptop, tech, _other = world
    office_job(sessions, tech)
    assert laptop.engine.sync().ok
    with sessions.begin() as session:
        state = session.get(DeviceSyncState, laptop.ctx.device_id)
        assert state is not None
        stale = scope_matched(session, laptop.ctx.device_id, head(session.connection()))
        state.scope_seq = None
        state.last_pull_sequence += 1  # another pull acknowledged jobs meanwhile
    with sessions.begin() as session:
        stale.remember(session, laptop.ctx.device_id, head(session.connection()) + 1)
    assert _mark(sessions, laptop) is None

"""A push batch applied in one flush: the same answers as one mutation at a time, in a handful of
statements, falling back to one savepoint per mutation when the database refuses the batch."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.models import AdviceNote, Customer, Job, OutboxEntry, Signature, Visit
from fieldtech.usecases import device
from fieldtech.usecases.signoff import sign_off
from fieldtech.usecases.visit import NewJob, add_advice, open_job, record_arrival
from sync.protocol.schemas import PROTOCOL_VERSION, Mutation, PushRequest
from sync.server.replication.tables import AppliedMutation
from tests.sync.replication.harness import Laptop, add_technician, office, register_device

World = tuple[sessionmaker[Session], Laptop, uuid.UUID]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    laptop = Laptop(tmp_path / "laptop", sessions, tech, "K7Q2")
    register_device(sessions, laptop, "li.na")
    with laptop.db.begin() as session:
        today = dt.datetime.now(dt.UTC).astimezone()
        device.lend_block(session, month=today.strftime("%Y%m"), first=500, last=520)
    yield sessions, laptop, tech
    laptop.close()


def office_job(sessions: sessionmaker[Session], tech: uuid.UUID, number: int = 1) -> uuid.UUID:
    with sessions.begin() as session:
        customer = Customer(name=f"Customer {number}", phone="13800138000", address="Beijing")
        session.add(customer)
        session.flush()
        job = Job(
            ticket_number=f"202611-{number:03d}",
            customer_id=customer.id,
            category=JobCategory.PRODUCT_FAULT,
            technician_id=tech,
            status=JobStatus.ASSIGNED,
        )
        session.add(job)
        session.flush()
        return job.id


def outbox(laptop: Laptop) -> list[Mutation]:
    with laptop.db() as session:
        return [
            Mutation(
                mutation_id=e.mutation_id,
                table=e.table_name,
                record_id=e.record_id,
                op=e.op.value,
                fields=e.payload,
                base_cursor=e.base_cursor,
                created_at=e.created_at,
            )
            for e in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
        ]


def push(laptop: Laptop, mutations: list[Mutation]) -> list[dict[str, Any]]:
    body = PushRequest(protocol=PROTOCOL_VERSION, mutations=mutations)
    results: list[dict[str, Any]] = laptop.transport.post(
        "/api/v1/sync/push", body.model_dump(mode="json")
    )["results"]
    return results


def crafted(table: str, record_id: uuid.UUID, op: str, **fields: Any) -> Mutation:
    return Mutation(
        mutation_id=uuid.uuid4(),
        table=table,
        record_id=record_id,
        op=op,
        fields=fields,
        base_cursor=0,
        created_at=dt.datetime(2026, 11, 25, 8, tzinfo=dt.UTC),
    )


def count(sessions: sessionmaker[Session], model: type[Any]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_batch_of_200_notes_costs_a_handful_of_statements(world: World) -> None:
    sessions, laptop, tech = world
    jobs = [office_job(sessions, tech, n) for n in range(20)]
    assert laptop.engine.sync().ok
    for n in range(200):
        add_advice(laptop.db, jobs[n % 20], f"advice {n}")
    statements: list[str] = []
    engine = sessions.kw["bind"]

    def seen(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        results = push(laptop, outbox(laptop))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert [r["status"] for r in results] == ["applied"] * 200
    assert count(sessions, AdviceNote) == 200
    # One at a time this was over 1,400 statements (a savepoint, lookups and capture each).
    assert len(statements) < 60, len(statements)
    assert sum(s.startswith("SAVEPOINT") for s in statements) == 1


def test_database_refusal_falls_back_and_rejects_only_the_bad_mutation(world: World) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    add_advice(laptop.db, job_id, "first")
    good_first = outbox(laptop)
    with laptop.db.begin() as session:
        session.execute(delete(OutboxEntry))
    add_advice(laptop.db, job_id, "second")
    good_second = outbox(laptop)
    # A visit naming a technician the office has never heard of: refused by a foreign key only
    # when the batch is flushed, so the whole batch is redone one mutation at a time.
    bad = crafted(
        "visits", uuid.uuid4(), "insert", job_id=str(job_id), technician_id=str(uuid.uuid4())
    )
    batch = [*good_first, bad, *good_second]
    results = push(laptop, batch)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"] == "constraint"
    assert count(sessions, AdviceNote) == 2
    assert count(sessions, Visit) == 0
    assert count(sessions, AppliedMutation) == 3
    again = push(laptop, batch)
    assert [r["duplicate"] for r in again] == [True, True, True]
    assert [r["status"] for r in again] == ["applied", "rejected", "applied"]
    assert count(sessions, AdviceNote) == 2


def test_same_mutation_twice_in_one_batch_is_applied_once(world: World) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    add_advice(laptop.db, job_id, "only once")
    (note,) = outbox(laptop)
    results = push(laptop, [note, note])
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert count(sessions, AdviceNote) == 1
    assert count(sessions, AppliedMutation) == 1


def test_job_opened_offline_then_signed_and_edited_in_one_batch(world: World) -> None:
    """Records the batch creates are seen by the mutations behind them, and a signature earlier
    in the batch freezes the job for the edits that follow it."""
    sessions, laptop, _tech = world
    assert laptop.engine.sync().ok  # the technicians, which the new job refers to
    today = dt.datetime.now(dt.UTC).astimezone().date()
    job = open_job(
        laptop.db,
        NewJob(
            customer_name="赵敏",
            phone="13800000001",
            address="Hangzhou",
            category="product_fault",
            fault_description="no heat",
        ),
        today=today,
    )
    record_arrival(laptop.db, job.id)
    add_advice(laptop.db, job.id, "descale yearly")
    sign_off(laptop.db, job.id, printed_name="赵敏", strokes=[[[0, 0], [5, 5]]], image_png=PNG)
    late_edit = crafted("jobs", job.id, "update", work_done="changed after signing")
    mutations = [*outbox(laptop), late_edit]
    results = push(laptop, mutations)
    assert [r["status"] for r in results[:-1]] == ["applied"] * (len(mutations) - 1)
    assert results[-1]["status"] == "rejected"
    assert results[-1]["reason"] == "frozen"
    with sessions() as session:
        office_copy = session.get(Job, job.id)
        assert office_copy is not None
        assert office_copy.ticket_number == job.ticket_number
        assert office_copy.work_done == ""
        assert session.scalar(select(Customer.name).where(Customer.id == job.customer_id)) == "赵敏"
        assert session.scalar(select(func.count()).select_from(Signature)) == 1
        assert session.scalar(select(func.count()).select_from(Visit)) == 1
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert report.rejected == 0

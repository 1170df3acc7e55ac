"""Office and laptop in one process: the sync guarantees, one behaviour per test."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.models import (
    ConflictEntry,
    Customer,
    CustomerItem,
    Diagnosis,
    Job,
    OutboxEntry,
    PartUsed,
    RecordVersion,
)
from fieldtech.usecases.money import take_payment
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.visit import record_arrival, record_diagnosis
from tests.sync.replication.harness import Laptop, add_technician

_TICKETS = itertools.count()  # distinct within an office (a random pick of 900 collided)


def office_job(
    sessions: sessionmaker[Session], tech: uuid.UUID | None, name: str = "Zhang Wei"
) -> uuid.UUID:
    with sessions.begin() as session:
        customer = Customer(name=name, phone="13800138000", address="Beijing")
        session.add(customer)
        session.flush()
        item = CustomerItem(customer_id=customer.id, model="WM-8000", serial="SN-1")
        session.add(item)
        session.flush()
        job = Job(
            ticket_number=f"202611-{next(_TICKETS) % 900 + 100}",
            customer_id=customer.id,
            item_id=item.id,
            category=JobCategory.PRODUCT_FAULT,
            technician_id=tech,
            status=JobStatus.ASSIGNED if tech else JobStatus.NEW,
            appointment_start=dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC),
        )
        session.add(job)
        session.flush()
        return job.id


def count(db: sessionmaker[Session], model: type) -> int:
    with db() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_sync_brings_assigned_jobs_only(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    sessions, laptop, tech = world
    mine = office_job(sessions, tech)
    other = add_technician(sessions, "wang.lei")
    office_job(sessions, other, name="Not Yours")
    report = laptop.engine.sync()
    assert report.ok, report.message
    with laptop.db() as session:
        assert [j.id for j in session.scalars(select(Job))] == [mine]
        assert [c.name for c in session.scalars(select(Customer))] == ["Zhang Wei"]


def test_site_work_reaches_office_once_and_outbox_empties(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    record_arrival(laptop.db, job_id)
    record_diagnosis(laptop.db, job_id, symptoms="Water in drum", cause="Pump", fault_code="E21")
    use_part(laptop.db, job_id, part_number="WM-PUMP-01", unit_price="85.00")
    take_payment(laptop.db, job_id, method="cash", amount="205.00")
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert report.rejected == 0
    assert count(laptop.db, OutboxEntry) == 0
    with sessions() as session:
        diagnosis = session.scalar(select(Diagnosis).where(Diagnosis.job_id == job_id))
        assert diagnosis is not None
        assert diagnosis.fault_code == "E21"
        part = session.scalar(select(PartUsed))
        assert part is not None
        assert part.unit_price == Decimal("85.00")
        assert session.get(Job, job_id).status == JobStatus.ON_SITE  # type: ignore[union-attr]


def test_retried_push_applies_once(world: tuple[sessionmaker[Session], Laptop, uuid.UUID]) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    use_part(laptop.db, job_id, part_number="X-1", unit_price="10.00")
    with laptop.db() as session:
        entries = list(session.scalars(select(OutboxEntry)))
    from sync.protocol.schemas import PROTOCOL_VERSION, Mutation, PushRequest

    body = PushRequest(
        protocol=PROTOCOL_VERSION,
        mutations=[
            Mutation(
                mutation_id=e.mutation_id,
                table=e.table_name,
                record_id=e.record_id,
                op=e.op.value,
                fields=e.payload,
                base_cursor=e.base_cursor,
                created_at=e.created_at,
            )
            for e in entries
        ],
    ).model_dump(mode="json")
    first = laptop.transport.post("/api/v1/sync/push", body)  # the answer is "lost"
    again = laptop.transport.post("/api/v1/sync/push", body)
    assert all(r["status"] == "applied" for r in first["results"])
    assert all(r["duplicate"] for r in again["results"])
    assert laptop.engine.sync().ok
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(PartUsed)) == 1


def test_same_field_clash_owner_wins_and_loser_is_logged(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    record_diagnosis(laptop.db, job_id, symptoms="Noise", cause="Bearing")
    assert laptop.engine.sync().ok
    with sessions.begin() as session:  # the office corrects the cause meanwhile
        session.scalars(select(Diagnosis)).one().cause = "Office guess"
        session.scalars(select(Customer)).one().phone = "13900000000"
    record_diagnosis(laptop.db, job_id, symptoms="Noise", cause="Worn drum bearing")
    with laptop.db.begin() as session:  # an edit of an office-owned field, offline
        session.scalars(select(Customer)).one().phone = "13700000000"
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert report.conflicts == 2
    for db in (sessions, laptop.db):
        with db() as session:
            assert session.scalars(select(Diagnosis)).one().cause == "Worn drum bearing"
            assert session.scalars(select(Customer)).one().phone == "13900000000"
            lost = {c.field: c.lost_value for c in session.scalars(select(ConflictEntry))}
            assert "Office guess" in str(lost["cause"])
            assert "13700000000" in str(lost["phone"])


def test_reassigned_job_is_evicted_unless_work_is_unsent(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    assert laptop.engine.sync().ok  # the job's receipt is acknowledged
    other = add_technician(sessions, "wang.lei")
    with sessions.begin() as session:
        session.get(Job, job_id).technician_id = other  # type: ignore[union-attr]
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert report.evicted == 1
    assert count(laptop.db, Job) == 0
    assert count(laptop.db, Customer) == 0


def test_digest_mismatch_resyncs_only_that_bucket(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    assert laptop.engine.sync().ok
    with laptop.db.begin() as session:  # damage: a record lost locally without the engine knowing
        session.info["fieldtech.no_capture"] = True
        item = session.scalars(select(CustomerItem)).one()
        session.delete(session.get(RecordVersion, item.id))
        session.get(Job, job_id).item_id = None  # type: ignore[union-attr]
        session.flush()
        session.delete(item)
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert len(report.resynced_buckets) == 1
    assert count(laptop.db, CustomerItem) == 1


def test_no_op_sync_is_one_request(world: tuple[sessionmaker[Session], Laptop, uuid.UUID]) -> None:
    sessions, laptop, tech = world
    office_job(sessions, tech)
    assert laptop.engine.sync().ok
    assert laptop.engine.sync().ok
    laptop.transport.calls.clear()
    assert laptop.engine.sync().ok
    assert laptop.transport.calls == ["/api/v1/sync/pull"]


def test_hello_lends_ticket_numbers_used_offline_and_never_issued_twice(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    from fieldtech.usecases import device
    from fieldtech.usecases.visit import NewJob, open_job
    from sync.server.tickets import reserve_numbers

    sessions, laptop, tech = world
    answer = laptop.engine.hello()
    assert answer.technician_id == tech
    assert len(answer.blocks) == 2  # this month and the next
    with laptop.db() as session:
        assert device.get_setting(session, device.DEVICE_PREFIX) == answer.device_prefix
    assert laptop.engine.sync().ok  # brings the technician record the new job refers to
    block = answer.blocks[0]
    job = open_job(
        laptop.db,
        NewJob(
            customer_name="Door Step",
            phone="1",
            address="x",
            category="product_fault",
            fault_description="no power",
        ),
        today=dt.date(int(block.month[:4]), int(block.month[4:]), 15),
    )
    assert job.ticket_number == f"{block.month}-{block.first:03d}"
    with sessions.begin() as session:  # the office's next own number comes after the lent block
        assert reserve_numbers(session, block.month).start == block.last + 1
    assert laptop.engine.sync().ok
    with sessions() as session:
        assert session.get(Job, job.id) is not None


def test_late_replay_of_an_old_pull_does_not_make_the_office_think_a_job_is_held(
    world: tuple[sessionmaker[Session], Laptop, uuid.UUID],
) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    sent: list[dict[str, object]] = []
    real_post = laptop.transport.post

    def recording(path: str, body: dict[str, object]) -> dict[str, object]:
        sent.append(body)
        return real_post(path, body)  # type: ignore[arg-type]

    laptop.engine.transport = type("T", (), {"post": staticmethod(recording)})()
    assert laptop.engine.sync().ok
    assert laptop.engine.sync().ok
    ack = next(b for b in sent if str(job_id) in b.get("received", []))  # type: ignore[operator]
    other = add_technician(sessions, "wang.lei")
    with sessions.begin() as session:
        session.get(Job, job_id).technician_id = other  # type: ignore[union-attr]
    assert laptop.engine.sync().evicted == 1
    assert laptop.engine.sync().ok  # the eviction is acknowledged
    real_post("/api/v1/sync/pull", ack)  # the network delivers the old request late
    with sessions.begin() as session:
        session.get(Job, job_id).technician_id = tech  # type: ignore[union-attr]
    assert laptop.engine.sync().ok
    with laptop.db() as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert session.get(Customer, job.customer_id) is not None

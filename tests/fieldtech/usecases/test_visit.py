"""Use cases of the visit: numbering offline, capture with the outbox, validation by field."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from fieldtech.domain.enums import JobStatus, OutboxOp
from fieldtech.domain.errors import NumberingError, ValidationError
from fieldtech.models import Customer, Diagnosis, Job, OutboxEntry, Visit
from fieldtech.usecases.common import Db
from fieldtech.usecases.visit import (
    NewJob,
    add_advice,
    open_job,
    record_arrival,
    record_departure,
    record_diagnosis,
)
from tests.factories import TODAY, new_job, set_up_laptop


def outbox(db: Db) -> list[OutboxEntry]:
    with db() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_open_job_offline_takes_final_numbers_from_lent_block_in_order(db: Db) -> None:
    set_up_laptop(db, block=(41, 42))
    first, second = new_job(db), new_job(db, name="Émile Durand")
    with db() as session:
        numbers = [session.get(Job, first).ticket_number, session.get(Job, second).ticket_number]  # type: ignore[union-attr]
    assert numbers == ["202611-041", "202611-042"]
    with pytest.raises(NumberingError, match="sync to get a new block"):
        new_job(db)


def test_open_job_when_block_used_up_writes_nothing(db: Db) -> None:
    set_up_laptop(db, block=(1, 1))
    new_job(db)
    before = len(outbox(db))
    with pytest.raises(NumberingError):
        new_job(db, name="Nobody")
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 1
    assert len(outbox(db)) == before


def test_open_job_captures_customer_item_and_job_in_outbox(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    tables = [(e.table_name, e.op) for e in outbox(db) if e.table_name != "van_stock"]
    assert ("jobs", OutboxOp.INSERT) in tables
    assert ("customers", OutboxOp.INSERT) in tables
    assert ("customer_items", OutboxOp.INSERT) in tables
    job_entry = next(e for e in outbox(db) if e.table_name == "jobs")
    assert job_entry.record_id == job_id
    assert job_entry.payload["ticket_number"] == "202611-001"
    assert job_entry.payload["technician_id"] == str(technician)


def test_record_diagnosis_twice_updates_only_changed_fields(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    record_diagnosis(db, job_id, symptoms="Water left in drum", fault_code="E21")
    record_diagnosis(db, job_id, symptoms="Water left in drum", fault_code="E21", cause="Pump")
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Diagnosis)) == 1
    updates = [e for e in outbox(db) if e.table_name == "diagnoses" and e.op == OutboxOp.UPDATE]
    assert len(updates) == 1
    assert set(updates[0].payload) == {"cause", "updated_at"}
    assert updates[0].payload["cause"] == "Pump"


def test_use_case_failing_mid_transaction_leaves_neither_change_nor_outbox(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = new_job(db)
    before = len(outbox(db))

    def crash_after_flush() -> None:
        with db.begin() as session:
            session.add(Visit(job_id=job_id, arrived_at=dt.datetime.now(dt.UTC)))
            session.flush()
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == before + 1
            raise RuntimeError("power lost")

    with pytest.raises(RuntimeError):
        crash_after_flush()
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0
    assert len(outbox(db)) == before


def test_arrival_and_departure_recorded_in_order(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    arrived = dt.datetime(2026, 11, 25, 9, 5, tzinfo=dt.UTC)
    record_arrival(db, job_id, arrived)
    with pytest.raises(ValidationError, match="departed_at: is before the arrival"):
        record_departure(db, job_id, arrived - dt.timedelta(minutes=1))
    visit = record_departure(db, job_id, arrived + dt.timedelta(hours=1))
    assert visit.departed_at == arrived + dt.timedelta(hours=1)
    with db() as session:
        assert session.get(Job, job_id).status == JobStatus.ON_SITE  # type: ignore[union-attr]


def test_departure_without_arrival_is_refused_plainly(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    with pytest.raises(ValidationError, match="record the arrival first"):
        record_departure(db, job_id)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"serial": "X" * 10_000}, "serial"),
        ({"purchase_date": TODAY + dt.timedelta(days=1)}, "purchase_date"),
        ({"product_category": "spaceship"}, "product_category"),
        ({"category": "teleport"}, "category"),
        ({"customer_name": "   "}, "customer_name"),
    ],
)
def test_open_job_with_bad_value_is_refused_naming_the_field(
    db: Db, technician: uuid.UUID, change: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "customer_name": "Zhang Wei",
        "phone": "138",
        "address": "Beijing",
        "category": "product_fault",
        "fault_description": "noise",
    }
    values.update(change)
    with pytest.raises(ValidationError) as raised:
        open_job(db, NewJob(**values), today=TODAY)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field}: ")
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_advice_must_not_be_empty(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    with pytest.raises(ValidationError, match="advice: is required"):
        add_advice(db, job_id, "  ")
    note = add_advice(db, job_id, "Clean the filter monthly.")
    assert note.text == "Clean the filter monthly."

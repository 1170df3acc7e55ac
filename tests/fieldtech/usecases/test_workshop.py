"""Taking an item to the workshop and returning it, with receipt numbers made offline."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from fieldtech.domain.enums import DocumentKind, JobStatus, MovementKind, SignerRole
from fieldtech.domain.errors import TransitionError, ValidationError
from fieldtech.models import ItemMovement, Job, Signature
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.usecases.common import Db
from fieldtech.usecases.documents import pickup_receipt_hash
from fieldtech.usecases.visit import record_arrival
from fieldtech.usecases.workshop import return_item, take_item_back
from tests.factories import new_job

CALENDAR = WorkingCalendar()


def take(db: Db, job_id: uuid.UUID, today: dt.date) -> object:
    return take_item_back(
        db,
        job_id,
        condition="Scratch on the left panel",
        accessories=["Power cord", "Drain hose"],
        reason="Main board must be replaced in the workshop",
        calendar=CALENDAR,
        today=today,
        customer_name="Zhang Wei",
        technician_name="Li Na",
    )


def test_take_item_back_numbers_receipt_offline_and_promises_three_working_days(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = new_job(db)
    record_arrival(db, job_id)
    # Wednesday 30 September 2026: National Day holidays follow, so 3 working days run long.
    receipt = take(db, job_id, dt.date(2026, 9, 30))
    assert receipt.receipt_number == "P-K7Q2-000001"  # type: ignore[attr-defined]
    assert receipt.promised_return_date == CALENDAR.add_working_days(dt.date(2026, 9, 30), 3)  # type: ignore[attr-defined]
    assert receipt.promised_return_date > dt.date(2026, 10, 7)  # type: ignore[attr-defined]
    with db() as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert job.status == JobStatus.ITEM_IN_WORKSHOP
        moves = list(session.scalars(select(ItemMovement)))
        assert [m.kind for m in moves] == [MovementKind.TAKEN]
        signatures = list(session.scalars(select(Signature)))
        assert {s.signer_role for s in signatures} == {SignerRole.CUSTOMER, SignerRole.TECHNICIAN}
        assert signatures[0].content_hash == pickup_receipt_hash(session, receipt.id)  # type: ignore[attr-defined]


def test_receipt_numbers_keep_counting_per_device(db: Db, technician: uuid.UUID) -> None:
    numbers = []
    for _ in range(3):
        job_id = new_job(db)
        record_arrival(db, job_id)
        numbers.append(take(db, job_id, dt.date(2026, 11, 25)).receipt_number)  # type: ignore[attr-defined]
    assert numbers == ["P-K7Q2-000001", "P-K7Q2-000002", "P-K7Q2-000003"]


def test_take_item_back_before_arrival_is_refused(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    with db.begin() as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.status = JobStatus.ASSIGNED
    with pytest.raises(TransitionError, match="assigned to item_in_workshop"):
        take(db, job_id, dt.date(2026, 11, 25))


def test_take_item_back_needs_condition(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    with pytest.raises(ValidationError, match="condition: is required"):
        take_item_back(
            db,
            job_id,
            condition="",
            accessories=[],
            reason="x",
            calendar=CALENDAR,
            today=dt.date(2026, 11, 25),
            customer_name="A",
            technician_name="B",
        )


def test_return_item_issues_signed_return_receipt(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    pickup = take(db, job_id, dt.date(2026, 11, 25))
    back = return_item(
        db,
        pickup.id,  # type: ignore[attr-defined]
        work_done="Main board replaced, tested 2 cycles",
        condition_on_return="As taken",
        charges_total="0",
        customer_name="Zhang Wei",
    )
    assert back.receipt_number == "R-K7Q2-000001"
    with db() as session:
        kinds = [m.kind for m in session.scalars(select(ItemMovement).order_by(ItemMovement.at))]
        assert kinds == [MovementKind.TAKEN, MovementKind.RETURNED]
        signed = session.scalar(
            select(Signature).where(Signature.document_kind == DocumentKind.RETURN_RECEIPT)
        )
        assert signed is not None
        assert signed.subject_id == back.id

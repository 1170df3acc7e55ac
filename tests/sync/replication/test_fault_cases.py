"""A repair signed at one customer's door reaches every other technician as a fault case."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models import Customer, CustomerItem, FaultCase, Job, OutboxEntry
from fieldtech.store.codec import encode_row
from fieldtech.usecases.faultcases import Match, fault_case_id, matching_cases
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.signoff import sign_off
from fieldtech.usecases.visit import record_arrival, record_diagnosis, record_work_done
from tests.sync.replication.harness import Laptop, add_technician, office, register_device
from tests.sync.replication.test_round_trip import office_job

STROKES = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6]]]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
CUSTOMER_FIELDS = {"name", "phone", "address", "email", "serial", "customer_id", "job_id"}


def _laptop(sessions: sessionmaker[Session], tmp: Path, username: str, prefix: str) -> Laptop:
    laptop = Laptop(tmp / username, sessions, add_technician(sessions, username), prefix)
    register_device(sessions, laptop, username)
    return laptop


def _count(db: sessionmaker[Session], model: type) -> int:
    with db() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_signed_repair_becomes_fault_case_on_other_laptops_without_customer_data(
    tmp_path: Path,
) -> None:
    sessions = office(tmp_path)
    li = _laptop(sessions, tmp_path, "li.na", "K7Q2")
    wang = _laptop(sessions, tmp_path, "wang.lei", "M3P7")
    try:
        job_id = office_job(sessions, li.ctx.technician_id, name="Zhang Wei")
        assert li.engine.sync().ok
        assert wang.engine.sync().ok  # holds its cursor from here: the case comes as a change
        record_arrival(li.db, job_id)
        record_diagnosis(
            li.db, job_id, symptoms="Drum full of water", cause="Pump jammed", fault_code="E21"
        )
        record_work_done(li.db, job_id, "Freed the pump; told Zhang Wei to empty pockets")
        use_part(
            li.db,
            job_id,
            part_number="WM-PUMP-01",
            description="Drain pump 40 W",
            unit_price="85.00",
        )
        assert li.engine.sync().ok
        with sessions() as session:
            assert session.get(FaultCase, fault_case_id(job_id)) is None  # not signed yet
        sign_off(li.db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
        assert li.engine.sync().ok

        with sessions() as session:
            at_office = session.get(FaultCase, fault_case_id(job_id))
            assert at_office is not None
            assert at_office.outcome == FaultOutcome.FIXED
        report = wang.engine.sync()
        assert report.ok, report.message
        fresh = _laptop(sessions, tmp_path, "zhao.min", "Q6R4")
        assert fresh.engine.sync().ok  # first sync: the library comes with the global tables
        for laptop in (wang, fresh):
            assert _count(laptop.db, Job) == 0
            assert _count(laptop.db, Customer) == 0
            assert _count(laptop.db, CustomerItem) == 0
            assert _count(laptop.db, OutboxEntry) == 0
            with laptop.db() as session:
                fault = session.get(FaultCase, fault_case_id(job_id))
                assert fault is not None
                fields = encode_row(FaultCase.__mapper__, fault)
                found = matching_cases(session, model="wm-8000", fault_code="e21")
            assert not CUSTOMER_FIELDS & set(fields)
            assert "Zhang Wei" not in str(fields)
            assert "13800138000" not in str(fields)
            assert (fields["model"], fields["fault_code"], fields["cause"]) == (
                "WM-8000",
                "E21",
                "Pump jammed",
            )
            assert fields["parts"] == [
                {"part_number": "WM-PUMP-01", "description": "Drain pump 40 W", "quantity": 1}
            ]
            assert [(c.id, c.match) for c in found] == [
                (fault_case_id(job_id), Match.MODEL_AND_FAULT_CODE)
            ]
        fresh.close()
    finally:
        li.close()
        wang.close()

"""The fault-case library: derived from signed repairs without customer data, matched best first."""

from __future__ import annotations

import datetime as dt
import uuid

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models import CustomerItem, FaultCase, Job
from fieldtech.store.codec import encode_row
from fieldtech.usecases.common import Db
from fieldtech.usecases.faultcases import (
    REDACTED,
    Match,
    derive_fault_case,
    fault_case_id,
    matching_cases,
)
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.signoff import sign_off, start_new_revision
from fieldtech.usecases.visit import record_arrival, record_diagnosis, record_work_done
from tests.factories import new_job

STROKES = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6]]]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
CUSTOMER_DATA = ("Zhang Wei", "张伟", "138 0013 8000", "Jianguo Road", "SN-2024-000117")


def _signed_job(db: Db) -> uuid.UUID:
    job_id = new_job(db)
    record_arrival(db, job_id)
    record_diagnosis(
        db,
        job_id,
        symptoms="Drum full of water; Zhang Wei 张伟 says it beeps",
        cause="Drain pump impeller jammed by a coin",
        fault_code=" e21 ",
    )
    record_work_done(
        db, job_id, "Replaced the pump (old serial SN-2024-000117); call 138 0013 8000"
    )
    use_part(db, job_id, part_number="WM-PUMP-01")
    sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    return job_id


def test_derive_fault_case_signed_job_keeps_repair_and_drops_customer_data(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = _signed_job(db)
    with db.begin() as session:
        fault = derive_fault_case(session, job_id)
        assert fault is not None
        assert fault.id == fault_case_id(job_id)
        assert (fault.model, fault.fault_code) == ("WM-8000", "E21")
        assert fault.cause == "Drain pump impeller jammed by a coin"
        assert fault.parts == [
            {"part_number": "WM-PUMP-01", "description": "Drain pump 40 W", "quantity": 1}
        ]
        assert fault.outcome == FaultOutcome.FIXED
        assert fault.repaired_on == dt.datetime.now(dt.UTC).date()
        assert REDACTED in fault.symptoms
        assert REDACTED in fault.work_done
        everything = str(encode_row(FaultCase.__mapper__, fault))
    for secret in CUSTOMER_DATA:
        assert secret not in everything


def test_derive_fault_case_unsigned_job_makes_nothing(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    record_diagnosis(db, job_id, symptoms="No power", fault_code="E01")
    with db.begin() as session:
        assert derive_fault_case(session, job_id) is None
        assert session.get(FaultCase, fault_case_id(job_id)) is None


def test_derive_fault_case_new_revision_refreshes_the_same_case(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = _signed_job(db)
    with db.begin() as session:
        derive_fault_case(session, job_id)
    start_new_revision(db, job_id)
    with db.begin() as session:
        assert derive_fault_case(session, job_id) is None  # revision 2 is not signed yet
    record_diagnosis(
        db, job_id, symptoms="Still draining slowly", cause="Kinked hose", fault_code="E22"
    )
    sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    with db.begin() as session:
        derive_fault_case(session, job_id)
        cases = session.query(FaultCase).all()
        assert [(c.fault_code, c.cause) for c in cases] == [("E22", "Kinked hose")]


def _case(model: str, code: str, day: int, cause: str) -> FaultCase:
    return FaultCase(
        model=model,
        fault_code=code,
        cause=cause,
        repaired_on=dt.date(2026, 10, day),
        outcome=FaultOutcome.FIXED,
        parts=[{"part_number": "P1", "description": "Pump", "quantity": 2}],
    )


def test_matching_cases_same_model_and_code_first_then_code_then_model(
    db: Db, technician: uuid.UUID
) -> None:
    with db.begin() as session:
        session.add_all(
            [
                _case("WM-8000", "E21", 3, "both, older"),
                _case("WM-9000", "E21", 9, "code only"),
                _case("WM-8000", "E21", 5, "both, newer"),
                _case("WM-8000", "F05", 20, "model only"),
                _case("DW-100", "F05", 21, "neither"),
            ]
        )
    with db() as session:
        found = matching_cases(session, model=" wm-8000 ", fault_code="e21")
    assert [(c.cause, c.match) for c in found] == [
        ("both, newer", Match.MODEL_AND_FAULT_CODE),
        ("both, older", Match.MODEL_AND_FAULT_CODE),
        ("code only", Match.FAULT_CODE),
        ("model only", Match.MODEL),
    ]
    assert found[0].parts == (("P1", "Pump", 2),)
    with db() as session:
        by_model = matching_cases(session, model="wm-8000", fault_code="")
        by_code = matching_cases(session, model="", fault_code="F05")
    assert {(c.cause, c.match) for c in by_model} == {
        ("both, newer", Match.MODEL),
        ("both, older", Match.MODEL),
        ("model only", Match.MODEL),
    }
    assert [(c.cause, c.match) for c in by_code] == [
        ("neither", Match.FAULT_CODE),
        ("model only", Match.FAULT_CODE),
    ]


def test_matching_cases_blank_keys_match_nothing_and_own_case_is_left_out(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = _signed_job(db)
    with db.begin() as session:
        derive_fault_case(session, job_id)
        session.add(_case("", "", 1, "blank"))
    with db() as session:
        assert matching_cases(session, model="", fault_code="  ") == []
        assert [c.cause for c in matching_cases(session, model="WM-8000", fault_code="E21")] == [
            "Drain pump impeller jammed by a coin"
        ]
        assert matching_cases(session, model="WM-8000", fault_code="E21", exclude_job=job_id) == []


def test_derive_fault_case_model_typed_in_lower_case_is_stored_canonical(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = new_job(db)
    with db.begin() as session:
        job = session.get(Job, job_id)
        assert job is not None
        item = session.get(CustomerItem, job.item_id)
        assert item is not None
        item.model = " wm-8000  pro "
    record_diagnosis(db, job_id, symptoms="No power", fault_code="E01")
    sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    with db.begin() as session:
        fault = derive_fault_case(session, job_id)
        assert fault is not None
        assert fault.model == "WM-8000 PRO"
    with db() as session:
        found = matching_cases(session, model="WM-8000 pro", fault_code="")
    assert [c.id for c in found] == [fault_case_id(job_id)]

"""Signed means frozen: sign-off binds the slip's content by hash; changes need a new revision."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from fieldtech.documents.render import render_result
from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import FrozenRecordError, ValidationError
from fieldtech.models import Job, Signature
from fieldtech.rules.signing import verification_code
from fieldtech.usecases.common import Db
from fieldtech.usecases.documents import repair_slip_for, repair_slip_hash
from fieldtech.usecases.money import add_charge, take_payment
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.signoff import sign_off, start_new_revision
from fieldtech.usecases.visit import record_arrival, record_diagnosis, record_work_done

STROKES = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6]], [[0.5, 0.5], [0.7, 0.5]]]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def worked_job(db: Db) -> uuid.UUID:
    from tests.factories import new_job

    job_id = new_job(db)
    record_arrival(db, job_id)
    record_diagnosis(db, job_id, symptoms="Drum full of water", cause="Pump", fault_code="E21")
    record_work_done(db, job_id, "Replaced the drain pump; ran a rinse and spin cycle.")
    use_part(db, job_id, part_number="WM-PUMP-01")
    add_charge(db, job_id, kind="labour", description="Labour", unit_price="120.00")
    take_payment(db, job_id, method="cash", amount="205.00")
    return job_id


def test_sign_off_binds_the_code_printed_on_the_slip_and_freezes_job(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = worked_job(db)
    signature = sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    with db() as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert job.status == JobStatus.SIGNED
        assert signature.content_hash == repair_slip_hash(session, job.id)
        printed = render_result(repair_slip_for(session, job.id), "a4", "en")
    assert printed.verification_code == verification_code(signature.content_hash)
    with pytest.raises(FrozenRecordError, match="new revision"):
        record_diagnosis(db, job_id, symptoms="changed after signing")
    with pytest.raises(FrozenRecordError):
        use_part(db, job_id, part_number="WM-BELT-07")
    with pytest.raises(FrozenRecordError):
        record_work_done(db, job_id, "changed after signing")


def test_new_revision_reopens_and_needs_new_signature(db: Db, technician: uuid.UUID) -> None:
    job_id = worked_job(db)
    first = sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    assert start_new_revision(db, job_id) == 2
    record_diagnosis(db, job_id, symptoms="Drum full of water", cause="Pump and filter")
    second = sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    assert (first.revision, second.revision) == (1, 2)
    assert first.content_hash != second.content_hash
    with db() as session:
        assert len(list(session.scalars(select(Signature)))) == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"strokes": []}, "signature: is empty"),
        ({"strokes": [[[0.1, 0.1]]]}, "signature: is empty"),
        ({"image_png": b"GIF89a"}, "not a PNG"),
        ({"printed_name": ""}, "printed_name: is required"),
    ],
)
def test_sign_off_refuses_incomplete_signature(
    db: Db, technician: uuid.UUID, kwargs: dict[str, object], message: str
) -> None:
    job_id = worked_job(db)
    values: dict[str, object] = {"printed_name": "Zhang Wei", "strokes": STROKES, "image_png": PNG}
    values.update(kwargs)
    with pytest.raises(ValidationError, match=message):
        sign_off(db, job_id, **values)  # type: ignore[arg-type]
    with db() as session:
        assert session.get(Job, job_id).status == JobStatus.ON_SITE  # type: ignore[union-attr]

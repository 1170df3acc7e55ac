"""Leaving is part of what the customer signs: a departure after sign-off would alter signed content."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from fieldtech.domain.errors import FrozenRecordError
from fieldtech.models import Signature, Visit
from fieldtech.usecases.common import Db
from fieldtech.usecases.documents import repair_slip_hash
from fieldtech.usecases.signoff import sign_off, start_new_revision
from fieldtech.usecases.visit import record_arrival, record_departure
from tests.factories import new_job

STROKES = [[[0.1, 0.5], [0.2, 0.4], [0.3, 0.6]]]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_departure_after_sign_off_refused_and_signed_hash_still_holds(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = new_job(db)
    record_arrival(db, job_id)
    signature = sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    with pytest.raises(FrozenRecordError, match="new revision"):
        record_departure(db, job_id)
    with db() as session:
        assert session.scalar(select(Visit.departed_at).where(Visit.job_id == job_id)) is None
        assert repair_slip_hash(session, job_id) == signature.content_hash


def test_departure_in_new_revision_recorded(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    record_arrival(db, job_id)
    sign_off(db, job_id, printed_name="Zhang Wei", strokes=STROKES, image_png=PNG)
    start_new_revision(db, job_id)
    visit = record_departure(db, job_id)
    assert visit.departed_at is not None
    with db() as session:
        assert len(session.scalars(select(Signature)).all()) == 1

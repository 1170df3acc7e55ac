"""The assignment board: jobs by technician and day with their response clocks; assigning."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from fieldtech.domain.errors import NotFoundError
from fieldtech.models import Job, utcnow
from sync.server import job_writes
from sync.server.board_queries import MAX_DAYS, assignment_board, board_jobs
from sync.server.deps import OfficeUser, SessionDep, SettingsDep
from sync.server.office_company import office_calendar
from sync.server.routes.jobs import CONFLICT
from sync.server.schemas.board import Board, BoardJob, FirstResponse
from sync.server.schemas.jobs import JobAssign
from sync.server.settings import Settings

router = APIRouter(prefix="/board", tags=["board"])

EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2099, 12, 31)


def _shown(session: Session, settings: Settings, job_id: uuid.UUID) -> BoardJob:
    job = session.get(Job, job_id, populate_existing=True)
    if job is None:
        raise NotFoundError(f"job {job_id}: no such job")
    calendar = office_calendar(session, settings)
    return board_jobs(session, [job], calendar, utcnow())[0]


@router.get("", response_model=Board)
def board(
    _who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    start: Annotated[dt.date | None, Query(ge=EARLIEST_DAY, le=LATEST_DAY)] = None,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS)] = 3,
) -> Board:
    """Unassigned jobs, and assigned jobs by technician for `days` days from `start` (the office's
    today by default), each with its first-response, triage and arrival clocks."""
    calendar = office_calendar(session, settings)
    now = utcnow()
    first = start or now.astimezone(ZoneInfo(calendar.timezone)).date()
    return assignment_board(session, calendar, first, days, now)


@router.post("/jobs/{job_id}/assign", response_model=BoardJob, responses=CONFLICT)
def assign(
    job_id: uuid.UUID, body: JobAssign, who: OfficeUser, session: SessionDep, settings: SettingsDep
) -> BoardJob:
    """Assigns (or reassigns) the job with an appointment window; answers with its clocks."""
    job_writes.assign_job(session, who, job_id, body)
    session.commit()
    return _shown(session, settings, job_id)


@router.post("/jobs/{job_id}/first-response", response_model=BoardJob, responses=CONFLICT)
def first_response(
    job_id: uuid.UUID,
    body: FirstResponse,
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
) -> BoardJob:
    """Records that staff called the customer back, which stops the first-response clock."""
    job_writes.record_first_response(session, who, job_id, body.expected_updated_at)
    session.commit()
    return _shown(session, settings, job_id)

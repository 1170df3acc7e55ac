"""The assignment board: jobs waiting for a technician, and each technician's jobs by day."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload

from fieldtech.domain.enums import JobStatus
from fieldtech.models import Diagnosis, Job, Visit
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.rules.statemachine import TERMINAL
from sync.server.job_queries import technicians
from sync.server.response_clocks import JobTimes, clocks
from sync.server.schemas.board import (
    Board,
    BoardCell,
    BoardJob,
    BoardTechnician,
    ClockPublic,
)

MAX_DAYS = 14
MAX_UNASSIGNED = 500


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)


def _times(
    session: Session, jobs: list[Job]
) -> tuple[dict[uuid.UUID, dt.datetime], dict[uuid.UUID, list[dt.datetime]]]:
    """First diagnosis and every arrival per job, in two queries for the whole board."""
    ids = [job.id for job in jobs]
    if not ids:
        return {}, {}
    diagnosed = {
        job_id: at
        for job_id, at in session.execute(
            select(Diagnosis.job_id, func.min(Diagnosis.created_at))
            .where(Diagnosis.job_id.in_(ids))
            .group_by(Diagnosis.job_id)
        )
    }
    arrivals: dict[uuid.UUID, list[dt.datetime]] = defaultdict(list)
    for job_id, at in session.execute(
        select(Visit.job_id, Visit.arrived_at).where(
            Visit.job_id.in_(ids), Visit.arrived_at.is_not(None)
        )
    ):
        if at is not None:
            arrivals[job_id].append(at)
    return diagnosed, arrivals


def board_job(
    job: Job,
    first_diagnosis_at: dt.datetime | None,
    arrivals: list[dt.datetime],
    calendar: WorkingCalendar,
    now: dt.datetime,
) -> BoardJob:
    times = JobTimes(
        status=job.status,
        category=job.category,
        created_at=job.created_at,
        first_response_at=job.first_response_at,
        appointment_start=job.appointment_start,
        appointment_end=job.appointment_end,
        first_diagnosis_at=first_diagnosis_at,
        arrivals=tuple(arrivals),
    )
    # Built without re-validation: every value comes typed from the database and the clocks,
    # and a board of a thousand jobs would otherwise spend half its time validating.
    found = [
        ClockPublic.model_construct(
            kind=c.kind,
            state=c.state,
            breached=c.breached,
            started_at=c.started_at,
            due_at=c.due_at,
            stopped_at=c.stopped_at,
            minutes=c.minutes,
        )
        for c in clocks(times, calendar, now)
    ]
    item = job.item
    return BoardJob.model_construct(
        id=job.id,
        ticket_number=job.ticket_number,
        status=job.status,
        urgency=job.urgency,
        category=job.category,
        sub_category=job.sub_category,
        customer_name=job.customer.name,
        customer_phone=job.customer.phone,
        address=job.customer.address,
        item=" ".join(x for x in (item.brand, item.model) if x) if item else "",
        fault_description=job.fault_description,
        preferred_time=job.preferred_time,
        technician_id=job.technician_id,
        technician_name=job.technician.display_name if job.technician else "",
        appointment_start=job.appointment_start,
        appointment_end=job.appointment_end,
        first_response_at=job.first_response_at,
        created_at=job.created_at,
        updated_at=job.updated_at,
        clocks=found,
        breached=any(c.breached for c in found),
    )


def board_jobs(
    session: Session, jobs: list[Job], calendar: WorkingCalendar, now: dt.datetime
) -> list[BoardJob]:
    diagnosed, arrivals = _times(session, jobs)
    return [board_job(j, diagnosed.get(j.id), arrivals[j.id], calendar, now) for j in jobs]


def _with_people(statement: Select[Job]) -> Select[Job]:
    return statement.options(
        joinedload(Job.customer), joinedload(Job.item), joinedload(Job.technician)
    )


def assignment_board(
    session: Session,
    calendar: WorkingCalendar,
    start: dt.date,
    days: int,
    now: dt.datetime,
) -> Board:
    """Jobs with no technician (oldest first), and assigned jobs whose appointment starts on one
    of `days` days from `start` in the office's time zone, by technician and day."""
    zone = ZoneInfo(calendar.timezone)
    days = max(1, min(days, MAX_DAYS))
    dates = [start + dt.timedelta(days=n) for n in range(days)]
    waiting = list(
        session.scalars(
            _with_people(
                select(Job)
                .where(Job.technician_id.is_(None), Job.status.not_in(TERMINAL))
                .order_by(Job.created_at, Job.id)
                .limit(MAX_UNASSIGNED)
            )
        ).unique()
    )
    lo = _local_midnight(dates[0], zone)
    hi = _local_midnight(dates[-1] + dt.timedelta(days=1), zone)
    booked = list(
        session.scalars(
            _with_people(
                select(Job)
                .where(
                    Job.technician_id.is_not(None),
                    Job.appointment_start >= lo,
                    Job.appointment_start < hi,
                    Job.status != JobStatus.CANCELLED,
                )
                .order_by(Job.appointment_start, Job.id)
            )
        ).unique()
    )
    shown = board_jobs(session, waiting + booked, calendar, now)
    unassigned, assigned = shown[: len(waiting)], shown[len(waiting) :]
    cells: dict[tuple[uuid.UUID, dt.date], list[BoardJob]] = defaultdict(list)
    for job in assigned:
        assert job.technician_id is not None
        assert job.appointment_start is not None
        cells[(job.technician_id, job.appointment_start.astimezone(zone).date())].append(job)
    people = technicians(session)
    return Board(
        start=dates[0],
        days=dates,
        timezone=calendar.timezone,
        generated_at=now,
        unassigned=unassigned,
        technicians=[BoardTechnician(id=t.id, display_name=t.display_name) for t in people],
        cells=[
            BoardCell(technician_id=t.id, day=day, jobs=cells.get((t.id, day), []))
            for t in people
            for day in dates
        ],
    )

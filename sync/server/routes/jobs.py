"""Jobs: intake, assignment, edits, the list with its CSV export, the job's full record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldtech.domain.enums import JobCategory, JobStatus, Urgency
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import Job
from sync.server import job_writes
from sync.server.auth import Principal
from sync.server.deps import CurrentUser, OfficeUser, SessionDep, SettingsDep
from sync.server.job_detail import job_detail
from sync.server.job_queries import (
    COUNT_CAP,
    JobFilter,
    JobSort,
    all_jobs,
    job_public,
    list_jobs,
    supervisor_queue,
    visible_to,
)
from sync.server.schemas.job_detail import JobDetail
from sync.server.schemas.jobs import (
    EditConflict,
    JobAssign,
    JobCreate,
    JobPage,
    JobPublic,
    JobUpdate,
)

router = APIRouter(prefix="/jobs", tags=["jobs"])

CSV_LIMIT = 100_000
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": EditConflict, "description": "the job changed since you read it"}
}


def _filter(
    q: Annotated[str, Query(max_length=200)] = "",
    job_status: Annotated[list[JobStatus] | None, Query(alias="status")] = None,
    technician_id: uuid.UUID | None = None,
    category: JobCategory | None = None,
    urgency: Urgency | None = None,
    created_from: dt.date | None = None,
    created_to: dt.date | None = None,
    sort: JobSort = JobSort.NEWEST,
) -> JobFilter:
    if created_from and created_to and created_to < created_from:
        raise ValidationError("created_to", "the end date must be on or after the start date")
    return JobFilter(
        q=q,
        statuses=tuple(job_status or ()),
        technician_id=technician_id,
        category=category,
        urgency=urgency,
        created_from=created_from,
        created_to=created_to,
        sort=sort,
    )


@router.post("", response_model=JobPublic, status_code=status.HTTP_201_CREATED)
def create(
    body: JobCreate, who: OfficeUser, session: SessionDep, settings: SettingsDep
) -> JobPublic:
    """Records a customer call; the ticket number is issued as it is saved."""
    if body.id is not None and session.get(Job, body.id) is not None:
        raise ValidationError("id", "a job with this id exists already")
    job = job_writes.create_job(session, who, body, settings.timezone)
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise ValidationError("id", "a job with this id exists already") from error
    session.refresh(job)
    return job_public(job)


@router.get("", response_model=JobPage)
def list_(
    who: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    where: Annotated[JobFilter, Depends(_filter)],
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JobPage:
    rows, total = list_jobs(session, who, where, settings.timezone, page, page_size)
    return JobPage(
        items=[job_public(j) for j in rows],
        total=total,
        total_is_lower_bound=total > COUNT_CAP,
        page=page,
        page_size=page_size,
    )


def _cell(value: object) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula; a quote disarms it."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@router.get(
    "/export.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the filtered jobs as CSV"}},
)
def export_csv(
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    where: Annotated[JobFilter, Depends(_filter)],
) -> Response:
    columns = (
        "ticket_number",
        "status",
        "urgency",
        "category",
        "sub_category",
        "channel",
        "customer",
        "phone",
        "model",
        "serial",
        "technician",
        "appointment_start",
        "created_at",
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for job in all_jobs(session, who, where, settings.timezone, CSV_LIMIT):
        writer.writerow(
            _cell(v)
            for v in (
                job.ticket_number,
                job.status.value,
                job.urgency.value,
                job.category.value,
                job.sub_category,
                job.channel.value,
                job.customer.name,
                job.customer.phone,
                job.item.model if job.item else "",
                job.item.serial if job.item else "",
                job.technician.display_name if job.technician else "",
                job.appointment_start.isoformat() if job.appointment_start else "",
                job.created_at.isoformat(),
            )
        )
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="jobs.csv"'},
    )


@router.get("/supervisor-queue", response_model=list[JobPublic])
def supervisor(_who: OfficeUser, session: SessionDep) -> list[JobPublic]:
    """Open major cases (safety hazards, batch problems) waiting for a supervisor."""
    return [job_public(job) for job in supervisor_queue(session)]


def _visible(session: Session, who: Principal, job_id: uuid.UUID) -> Job:
    job = session.scalar(visible_to(select(Job).where(Job.id == job_id), who))
    if job is None:
        raise NotFoundError(f"job {job_id}: no such job")
    return job


@router.get("/{job_id}", response_model=JobDetail)
def detail(job_id: uuid.UUID, who: CurrentUser, session: SessionDep) -> JobDetail:
    return job_detail(session, _visible(session, who, job_id))


@router.patch("/{job_id}", response_model=JobPublic, responses=CONFLICT)
def update(job_id: uuid.UUID, body: JobUpdate, who: OfficeUser, session: SessionDep) -> JobPublic:
    job = job_writes.update_job(session, who, job_id, body)
    session.commit()
    session.refresh(job)
    return job_public(job)


@router.post("/{job_id}/assign", response_model=JobPublic, responses=CONFLICT)
def assign(job_id: uuid.UUID, body: JobAssign, who: OfficeUser, session: SessionDep) -> JobPublic:
    """Gives the job to a technician with an appointment window; the job becomes ASSIGNED."""
    job = job_writes.assign_job(session, who, job_id, body)
    session.commit()
    session.refresh(job)
    return job_public(job)

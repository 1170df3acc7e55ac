"""Reading jobs: the filtered, sorted, paged list (and its CSV), the supervisor's queue."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, union
from sqlalchemy.orm import Session, joinedload

from fieldtech.domain.enums import JobCategory, JobStatus, Urgency
from fieldtech.models import Customer, CustomerItem, Job, Technician
from fieldtech.rules.statemachine import TERMINAL
from sync.server.auth import Principal
from sync.server.models import Role
from sync.server.schemas.jobs import CustomerPublic, ItemPublic, JobPublic

COUNT_CAP = 1_000
"""Matches are counted exactly up to this many; a larger total is reported as COUNT_CAP + 1."""

JobKey = tuple[dt.datetime, uuid.UUID]
"""Where a job stands in a list by creation time: its creation time and id."""


class JobSort(StrEnum):
    NEWEST = "-created_at"
    OLDEST = "created_at"
    TICKET = "ticket_number"
    TICKET_DESC = "-ticket_number"
    APPOINTMENT = "appointment_start"
    APPOINTMENT_DESC = "-appointment_start"
    STATUS = "status"
    URGENCY = "urgency"


KEYSET_SORTS = (JobSort.NEWEST, JobSort.OLDEST)


@dataclass(frozen=True)
class JobFilter:
    q: str = ""
    statuses: tuple[JobStatus, ...] = ()
    technician_id: uuid.UUID | None = None
    category: JobCategory | None = None
    urgency: Urgency | None = None
    created_from: dt.date | None = None
    created_to: dt.date | None = None
    sort: JobSort = JobSort.NEWEST


def job_public(job: Job) -> JobPublic:
    return JobPublic(
        id=job.id,
        ticket_number=job.ticket_number,
        status=job.status,
        channel=job.channel,
        category=job.category,
        sub_category=job.sub_category,
        urgency=job.urgency,
        needs_supervisor=job.urgency is Urgency.MAJOR and job.status not in TERMINAL,
        fault_description=job.fault_description,
        preferred_time=job.preferred_time,
        appointment_start=job.appointment_start,
        appointment_end=job.appointment_end,
        technician_id=job.technician_id,
        technician_name=job.technician.display_name if job.technician else "",
        customer=CustomerPublic.model_validate(job.customer),
        item=ItemPublic.model_validate(job.item) if job.item else None,
        revision=job.revision,
        created_at=job.created_at,
        updated_at=job.updated_at,
    )


def visible_to(statement: Select[Job], who: Principal) -> Select[Job]:
    """A technician sees only the jobs assigned to them; office roles see every job."""
    if who.role is Role.TECHNICIAN:
        if who.user.technician_id is None:
            # `== None` would become IS NULL and show every unassigned job.
            return statement.where(false())
        return statement.where(Job.technician_id == who.user.technician_id)
    return statement


def _day_start(day: dt.date, timezone: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), ZoneInfo(timezone)).astimezone(dt.UTC)


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search(text: str) -> ColumnElement[bool]:
    """Jobs whose ticket number, customer name or phone, item model or serial contain `text`.

    Each table is searched on its own, so on PostgreSQL each column's trigram index answers
    (migration 0011) and only the matching jobs are read, not a join of every job.
    """
    pattern = f"%{escape_like(text.strip().lower())}%"

    def like(column: Any) -> ColumnElement[bool]:
        return func.lower(column).like(pattern, escape="\\")

    customers = select(Customer.id).where(or_(like(Customer.name), like(Customer.phone)))
    items = select(CustomerItem.id).where(or_(like(CustomerItem.model), like(CustomerItem.serial)))
    matching = union(
        select(Job.id).where(like(Job.ticket_number)),
        select(Job.id).where(Job.customer_id.in_(customers)),
        select(Job.id).where(Job.item_id.in_(items)),
    )
    return Job.id.in_(matching)


def filtered(who: Principal, where: JobFilter, timezone: str) -> Select[Job]:
    statement = visible_to(select(Job), who)
    if where.q:
        statement = statement.where(_search(where.q))
    if where.statuses:
        statement = statement.where(Job.status.in_(where.statuses))
    if where.technician_id:
        statement = statement.where(Job.technician_id == where.technician_id)
    if where.category:
        statement = statement.where(Job.category == where.category)
    if where.urgency:
        statement = statement.where(Job.urgency == where.urgency)
    if where.created_from:
        statement = statement.where(Job.created_at >= _day_start(where.created_from, timezone))
    if where.created_to:
        end = _day_start(where.created_to + dt.timedelta(days=1), timezone)
        statement = statement.where(Job.created_at < end)
    return statement


def _ordered(statement: Select[Job], sort: JobSort) -> Select[Job]:
    column = getattr(Job, sort.value.lstrip("-"))
    first = column.desc() if sort.value.startswith("-") else column.asc()
    # The id breaks ties, so paging is stable when many rows share a value.
    return statement.order_by(first, Job.id)


def _with_relations(statement: Select[Job]) -> Select[Job]:
    return statement.options(
        joinedload(Job.customer), joinedload(Job.item), joinedload(Job.technician)
    )


def _after(key: JobKey, sort: JobSort) -> ColumnElement[bool]:
    """The jobs that come after `key` in the list's order (creation time, then id).

    The plain bound on the creation time comes first so the index starts there; the rest only
    settles jobs created in the same instant.
    """
    created_at, job_id = key
    newest = sort is JobSort.NEWEST
    bound = Job.created_at <= created_at if newest else Job.created_at >= created_at
    past = Job.created_at < created_at if newest else Job.created_at > created_at
    return and_(bound, or_(past, and_(Job.created_at == created_at, Job.id > job_id)))


def list_jobs(
    session: Session,
    who: Principal,
    where: JobFilter,
    timezone: str,
    page: int,
    page_size: int,
    after: JobKey | None = None,
) -> tuple[list[Job], int]:
    """One page of matching jobs and how many match, counted up to COUNT_CAP + 1.

    Counting every match of a broad filter over a million jobs costs more than the page
    itself; past COUNT_CAP the list says "more than" instead (`total > COUNT_CAP`).
    `after` (the key of the previous page's last job, for the newest or oldest first orders)
    starts the page there instead of skipping `page - 1` pages, so any depth costs one page.
    """
    statement = filtered(who, where, timezone)
    matches = statement.with_only_columns(Job.id).limit(COUNT_CAP + 1).subquery()
    total = session.scalar(select(func.count()).select_from(matches)) or 0
    # The page's ids first, from the ids and filter columns alone (an index-only scan on
    # PostgreSQL, migration 0012), then only those jobs with their customers and items.
    ids_query = _ordered(statement.with_only_columns(Job.id), where.sort)
    if after is not None and where.sort in KEYSET_SORTS:
        ids_query = ids_query.where(_after(after, where.sort))
    else:
        ids_query = ids_query.offset((page - 1) * page_size)
    ids = list(session.scalars(ids_query.limit(page_size)))
    if not ids:
        return [], total
    rows = session.scalars(
        _with_relations(_ordered(select(Job).where(Job.id.in_(ids)), where.sort))
    )
    return list(rows.unique()), total


def all_jobs(
    session: Session, who: Principal, where: JobFilter, timezone: str, limit: int
) -> list[Job]:
    statement = _with_relations(_ordered(filtered(who, where, timezone), where.sort)).limit(limit)
    return list(session.scalars(statement).unique())


def supervisor_queue(session: Session) -> list[Job]:
    """Major cases not yet closed or cancelled, oldest first: a safety hazard waits for no one."""
    statement = (
        select(Job)
        .where(Job.urgency == Urgency.MAJOR, Job.status.not_in(TERMINAL))
        .order_by(Job.created_at, Job.id)
    )
    return list(session.scalars(_with_relations(statement)).unique())


def technicians(session: Session) -> list[Technician]:
    return list(session.scalars(select(Technician).order_by(Technician.display_name)))

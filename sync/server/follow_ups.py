"""Follow-up calls: who is due a call back, recording the rating, escalating poor ones.

Calls are due 7 days after a job's last visit, and major cases get a second call after 30 days.
The call list is derived from the visits (no row exists until the call is made), so a visit
synced late from a laptop appears in the list at once and nothing has to be scheduled.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, joinedload

from fieldtech.domain.enums import FollowUpKind, JobStatus, Urgency
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import FollowUp, Job, Visit, utcnow
from sync.server import audit
from sync.server.auth import Principal
from sync.server.office_days import day_end, day_start, today
from sync.server.schemas.office import CallDue, FollowUpCreate, FollowUpPublic

DAYS_AFTER_VISIT = {FollowUpKind.SATISFACTION: 7, FollowUpKind.MAJOR_CASE: 30}
# A rating at or below this goes to the supervisor the same day.
ESCALATE_AT_OR_BELOW = 3
# A call more than this many days past its due date has lapsed and leaves the list: a
# satisfaction call weeks late helps nobody, and the list stays a bounded read however many
# years of visits the office holds.
LISTED_DAYS = 30


def _last_visits() -> Select[uuid.UUID, dt.datetime]:
    visited = func.coalesce(Visit.departed_at, Visit.arrived_at)
    return (
        select(Visit.job_id.label("job_id"), func.max(visited).label("visited_at"))
        .where(visited.is_not(None))
        .group_by(Visit.job_id)
    )


def _visited_between(since: dt.datetime, until: dt.datetime) -> ColumnElement[bool]:
    """A visit that ended (or, with no departure, began) in [since, until): two index ranges."""
    return or_(
        and_(Visit.departed_at >= since, Visit.departed_at < until),
        and_(Visit.departed_at.is_(None), Visit.arrived_at >= since, Visit.arrived_at < until),
    )


def _due(kind: FollowUpKind, due_by: dt.date, timezone: str) -> Select[tuple[object, ...]]:
    """Jobs whose `kind` call fell due in the LISTED_DAYS up to `due_by` and is not yet made."""
    days = DAYS_AFTER_VISIT[kind]
    # due date = local visit day + N days, within [due_by - LISTED_DAYS, due_by]: a plain range
    # on the stored UTC times of the visits.
    since = day_start(due_by - dt.timedelta(days=LISTED_DAYS + days), timezone)
    cutoff = day_start(due_by - dt.timedelta(days=days - 1), timezone)
    visited = func.coalesce(Visit.departed_at, Visit.arrived_at)
    last = (
        select(Visit.job_id.label("job_id"), func.max(visited).label("visited_at"))
        .where(_visited_between(since, cutoff))
        .group_by(Visit.job_id)
        .subquery()
    )
    # A later visit moves the call to after it.
    later = exists().where(
        Visit.job_id == last.c.job_id,
        or_(
            Visit.departed_at >= cutoff,
            and_(Visit.departed_at.is_(None), Visit.arrived_at >= cutoff),
        ),
    )
    called = exists().where(
        FollowUp.job_id == Job.id, FollowUp.kind == kind, FollowUp.called_at.is_not(None)
    )
    statement = (
        select(
            Job.id.label("job_id"),
            literal(kind.value).label("kind"),
            last.c.visited_at.label("visited_at"),
        )
        .join(last, last.c.job_id == Job.id)
        .where(~later, Job.status != JobStatus.CANCELLED, ~called)
    )
    if kind is FollowUpKind.MAJOR_CASE:
        statement = statement.where(Job.urgency == Urgency.MAJOR)
    return statement


def call_list(
    session: Session, due_by: dt.date, timezone: str, page: int, page_size: int
) -> tuple[list[CallDue], int]:
    """Calls due by `due_by` (office calendar, at most LISTED_DAYS late), longest waiting first."""
    both = union_all(*(_due(kind, due_by, timezone) for kind in FollowUpKind)).subquery()
    total = session.scalar(select(func.count()).select_from(both)) or 0
    rows = session.execute(
        select(both.c.job_id, both.c.kind, both.c.visited_at)
        .order_by(both.c.visited_at, both.c.job_id, both.c.kind)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    jobs = {
        job.id: job
        for job in session.scalars(
            select(Job)
            .where(Job.id.in_([row.job_id for row in rows]))
            .options(joinedload(Job.customer), joinedload(Job.technician))
        )
    }
    local_today = today(timezone)
    calls = []
    for row in rows:
        job = jobs[row.job_id]
        kind = FollowUpKind(row.kind)
        visited = _aware(row.visited_at)
        due = _local_day(visited, timezone) + dt.timedelta(days=DAYS_AFTER_VISIT[kind])
        calls.append(
            CallDue(
                job_id=job.id,
                ticket_number=job.ticket_number,
                kind=kind,
                urgency=job.urgency,
                customer_name=job.customer.name,
                customer_phone=job.customer.phone,
                technician_name=job.technician.display_name if job.technician else "",
                visited_at=visited,
                due_date=due,
                overdue=due < local_today,
            )
        )
    return calls, total


def _aware(value: dt.datetime) -> dt.datetime:
    """Aggregates come back without the column type's UTC conversion on some databases."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _local_day(moment: dt.datetime, timezone: str) -> dt.date:
    return today(timezone, moment)


def _due_date(session: Session, job: Job, kind: FollowUpKind, timezone: str) -> dt.date:
    visited = session.execute(_last_visits().where(Visit.job_id == job.id)).first()
    if visited is None or visited.visited_at is None:
        raise ValidationError("job_id", "this job has no visit yet, so no call back is due")
    return _local_day(_aware(visited.visited_at), timezone) + dt.timedelta(
        days=DAYS_AFTER_VISIT[kind]
    )


def record_follow_up(
    session: Session, who: Principal, body: FollowUpCreate, timezone: str
) -> FollowUp:
    """Saves the call; a rating of 3 or less is escalated with a deadline at the end of today."""
    # The row lock makes two clerks saving the same call at once take turns (PostgreSQL).
    job = session.get(Job, body.job_id, with_for_update=True)
    if job is None:
        raise ValidationError("job_id", "no job has this id")
    if body.kind is FollowUpKind.MAJOR_CASE and job.urgency is not Urgency.MAJOR:
        raise ValidationError("kind", "a 30-day major-case call is only for major cases")
    made = session.scalar(
        select(FollowUp.id).where(
            FollowUp.job_id == job.id, FollowUp.kind == body.kind, FollowUp.called_at.is_not(None)
        )
    )
    if made is not None:
        raise ValidationError("kind", "this call has been recorded already for this job")
    now = utcnow()
    escalated = body.rating <= ESCALATE_AT_OR_BELOW
    follow_up = FollowUp(
        job_id=job.id,
        kind=body.kind,
        due_date=_due_date(session, job, body.kind, timezone),
        called_at=now,
        rating=body.rating,
        notes=body.notes,
        escalated=escalated,
        escalation_deadline=day_end(today(timezone, now), timezone) if escalated else None,
    )
    session.add(follow_up)
    session.flush()
    changes = {"kind": body.kind, "rating": body.rating, "escalated": escalated}
    audit.record(session, who, "follow_up.record", "job", job.id, changes, note=body.notes[:200])
    audit.record(session, who, "follow_up.record", "follow_up", follow_up.id, changes)
    return follow_up


def resolve_escalation(
    session: Session, who: Principal, follow_up_id: uuid.UUID, note: str
) -> FollowUp:
    """A supervisor has dealt with it: it leaves the queue; the deadline stays as a record."""
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFoundError(f"follow-up {follow_up_id}: no such follow-up")
    if not follow_up.escalated:
        raise ValidationError("follow_up_id", "this follow-up is not waiting for a supervisor")
    follow_up.escalated = False
    stamp = utcnow().strftime("%Y-%m-%d %H:%M UTC")
    follow_up.notes = f"{follow_up.notes}\n[{stamp} {who.user.username}] {note}".strip()
    changes = {"escalated": [True, False]}
    audit.record(session, who, "follow_up.resolve", "job", follow_up.job_id, changes, note[:200])
    audit.record(session, who, "follow_up.resolve", "follow_up", follow_up.id, changes, note[:200])
    return follow_up


def escalations(session: Session) -> list[FollowUp]:
    """Poor ratings waiting for a supervisor, the nearest deadline first."""
    statement = (
        select(FollowUp)
        .where(FollowUp.escalated.is_(True))
        .order_by(FollowUp.escalation_deadline, FollowUp.id)
    )
    return list(session.scalars(statement))


def follow_up_public(session: Session, follow_up: FollowUp) -> FollowUpPublic:
    job = session.get(Job, follow_up.job_id)
    assert job is not None
    deadline = follow_up.escalation_deadline
    return FollowUpPublic(
        id=follow_up.id,
        job_id=job.id,
        ticket_number=job.ticket_number,
        customer_name=job.customer.name,
        customer_phone=job.customer.phone,
        kind=follow_up.kind,
        due_date=follow_up.due_date,
        called_at=follow_up.called_at,
        rating=follow_up.rating,
        notes=follow_up.notes,
        escalated=follow_up.escalated,
        escalation_deadline=deadline,
        overdue=bool(follow_up.escalated and deadline is not None and deadline < utcnow()),
    )


def calls_of_job(session: Session, job_id: uuid.UUID) -> list[FollowUp]:
    return list(
        session.scalars(
            select(FollowUp)
            .where(FollowUp.job_id == job_id)
            .order_by(FollowUp.called_at, FollowUp.id)
        )
    )

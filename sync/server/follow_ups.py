"""Follow-up calls: who is due a call back, recording the rating, escalating poor ones.

Calls are due 7 days after a job's last visit, and major cases get a second call after 30 days.
The call list is derived from the visits (no row exists until the call is made), so a visit
synced late from a laptop appears in the list at once and nothing has to be scheduled.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased, joinedload

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
# Calls are counted exactly up to this many (8 pages of the dashboard's list), a larger total is
# reported as COUNT_CAP + 1: whether a call is due costs a lookup or three per visit, and a big
# office has tens of thousands of visits in a call window; the list is worked oldest first.
COUNT_CAP = 200
# Visits read per round when looking for the calls due.
CHUNK = 300


class Call(NamedTuple):
    """A call due, as the list sorts it: oldest visit first."""

    visited_at: dt.datetime
    job_id: uuid.UUID
    kind: FollowUpKind


def _last_visits() -> Select[uuid.UUID, dt.datetime]:
    visited = func.coalesce(Visit.departed_at, Visit.arrived_at)
    return (
        select(Visit.job_id.label("job_id"), func.max(visited).label("visited_at"))
        .where(visited.is_not(None))
        .group_by(Visit.job_id)
    )


def _visited(visit: Any = Visit) -> ColumnElement[Any]:
    """When a visit counts as made: its departure, or its arrival when it has none.

    Office migration 0016 indexes visits by this expression (with job and id) on PostgreSQL, so
    the visits of a window come in list order from the index.
    """
    moment: ColumnElement[Any] = func.coalesce(visit.departed_at, visit.arrived_at)
    return moment


def _window(kind: FollowUpKind, due_by: dt.date, timezone: str) -> tuple[dt.datetime, dt.datetime]:
    """The visits whose `kind` call falls due in the LISTED_DAYS up to `due_by`: [since, cutoff).

    due date = local visit day + N days, within [due_by - LISTED_DAYS, due_by].
    """
    days = DAYS_AFTER_VISIT[kind]
    since = day_start(due_by - dt.timedelta(days=LISTED_DAYS + days), timezone)
    cutoff = day_start(due_by - dt.timedelta(days=days - 1), timezone)
    return since, cutoff


def _is_due(kind: FollowUpKind, candidate: Any, job_checked: bool = False) -> ColumnElement[bool]:
    """The candidate visit is its job's last (a later visit moves the call after it), the job is
    not cancelled (unless `job_checked` says the candidates' jobs are), and the call has not
    been made.

    Each test is a lookup by one job, written as a scalar subquery so the database runs it only
    for the candidates it reads, in order, and stops when the page and the count are full.
    """
    later = aliased(Visit)
    visited = candidate.c.visited_at
    later_visits = (
        select(func.count())
        .where(
            later.job_id == candidate.c.job_id,
            or_(
                _visited(later) > visited,
                and_(_visited(later) == visited, later.id > candidate.c.id),
            ),
        )
        .scalar_subquery()
    )
    calls_made = (
        select(func.count())
        .where(
            FollowUp.job_id == candidate.c.job_id,
            FollowUp.kind == kind,
            FollowUp.called_at.is_not(None),
        )
        .scalar_subquery()
    )
    due = and_(calls_made == 0, later_visits == 0)
    if job_checked:
        return due
    status = select(Job.status).where(Job.id == candidate.c.job_id).scalar_subquery()
    return and_(due, status != JobStatus.CANCELLED)


def _satisfaction_calls(
    session: Session, due_by: dt.date, timezone: str, wanted: int
) -> list[Call]:
    """The first `wanted` satisfaction calls due, in list order: the window's visits are read
    from the index in that order, CHUNK at a time, until enough are due or none are left."""
    kind = FollowUpKind.SATISFACTION
    since, cutoff = _window(kind, due_by, timezone)
    visited = _visited()
    calls: list[Call] = []
    after: tuple[Any, ...] | None = None
    while len(calls) < wanted:
        chunk = select(
            Visit.id.label("id"), Visit.job_id.label("job_id"), visited.label("visited_at")
        )
        chunk = chunk.where(visited >= since, visited < cutoff)
        if after is not None:
            chunk = chunk.where(tuple_(visited, Visit.job_id, Visit.id) > tuple_(*after))
        candidates = chunk.order_by(visited, Visit.job_id, Visit.id).limit(CHUNK).subquery()
        rows = session.execute(
            select(candidates, _is_due(kind, candidates).label("due")).order_by(
                candidates.c.visited_at, candidates.c.job_id, candidates.c.id
            )
        ).all()
        calls += [Call(row.visited_at, row.job_id, kind) for row in rows if row.due]
        if len(rows) < CHUNK:
            break
        after = (rows[-1].visited_at, rows[-1].job_id, rows[-1].id)
    return calls


def _major_case_calls(session: Session, due_by: dt.date, timezone: str) -> list[Call]:
    """Every 30-day major-case call due: few jobs are major, so all are read at once.

    The window's visits (from the index) are matched to the major jobs by a hash of their ids
    (a partial index, office migration 0016), not by looking up the visits of each major job.
    """
    kind = FollowUpKind.MAJOR_CASE
    since, cutoff = _window(kind, due_by, timezone)
    visited = _visited()
    major = select(Job.id).where(Job.urgency == Urgency.MAJOR, Job.status != JobStatus.CANCELLED)
    # Materialised, so the tests of `_is_due` run on the major jobs' visits only, after the match.
    candidates = (
        select(Visit.id.label("id"), Visit.job_id.label("job_id"), visited.label("visited_at"))
        .where(visited >= since, visited < cutoff, Visit.job_id.in_(major))
        .cte("major_visits")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    rows = session.execute(
        select(candidates.c.job_id, candidates.c.visited_at).where(
            _is_due(kind, candidates, job_checked=True)
        )
    ).all()
    return [Call(row.visited_at, row.job_id, kind) for row in rows]


def call_list(
    session: Session,
    due_by: dt.date,
    timezone: str,
    page: int,
    page_size: int,
    count_up_to: int | None = None,
) -> tuple[list[CallDue], int]:
    """Calls due by `due_by` (office calendar, at most LISTED_DAYS late), longest waiting first,
    and how many are due, counted up to `count_up_to` (COUNT_CAP) + 1: past that, "more than"."""
    count_up_to = COUNT_CAP if count_up_to is None else count_up_to
    wanted = max(count_up_to + 1, page * page_size)
    major = _major_case_calls(session, due_by, timezone)
    satisfaction = _satisfaction_calls(session, due_by, timezone, wanted)
    due = sorted(
        [*major, *satisfaction],
        key=lambda call: (_aware(call.visited_at), call.job_id, call.kind.value),
    )[:wanted]
    total = min(len(due), count_up_to + 1)
    rows = due[(page - 1) * page_size : page * page_size]
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
        kind = row.kind
        visited = _aware(row.visited_at)
        due_date = _local_day(visited, timezone) + dt.timedelta(days=DAYS_AFTER_VISIT[kind])
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
                due_date=due_date,
                overdue=due_date < local_today,
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

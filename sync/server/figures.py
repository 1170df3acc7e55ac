"""Service figures of a period, computed by the database with aggregates (no rows in Python).

Every query is bounded by a time range on one indexed timestamp, so each reads only the period:
the jobs taken in it by `created_at` (first-time fix, response, arrival, repeats and the complaint
rate's base are all about that one set of jobs), follow-ups by `called_at`, complaints and parts
by `created_at`, payments by `taken_at`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Integer,
    Interval,
    Numeric,
    TableClause,
    Uuid,
    and_,
    case,
    cast,
    column,
    exists,
    func,
    literal,
    or_,
    outerjoin,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from fieldtech.domain.enums import JobStatus, PaymentMethod
from fieldtech.models import (
    Complaint,
    FollowUp,
    Job,
    PartUsed,
    Payment,
    PickupReceipt,
    ReturnReceipt,
    Technician,
    Visit,
    utcnow,
)
from sync.server.office_days import day_start, today
from sync.server.schemas.figures import (
    Comparison,
    Figure,
    FiguresPublic,
    PartConsumed,
    TechnicianCash,
    Unit,
)

FIRST_RESPONSE = dt.timedelta(minutes=15)
ARRIVAL_GRACE = dt.timedelta(minutes=30)
REPEAT_WINDOW = dt.timedelta(days=30)
TARGETS: dict[str, tuple[float, Comparison]] = {
    "first_time_fix": (0.85, Comparison.AT_LEAST),
    "satisfaction": (4.5, Comparison.AT_LEAST),
    "complaint_rate": (0.02, Comparison.AT_MOST),
}
TOP_PARTS = 15


@dataclass(frozen=True)
class Period:
    """Office days `start`..`end` inclusive, as the UTC range [since, until)."""

    start: dt.date
    end: dt.date
    timezone: str

    @property
    def since(self) -> dt.datetime:
        return day_start(self.start, self.timezone)

    @property
    def until(self) -> dt.datetime:
        return day_start(self.end + dt.timedelta(days=1), self.timezone)


def _seconds(session: Session, start: Any, end: Any) -> ColumnElement[Any]:
    """Seconds from `start` to `end`, in the database's own date arithmetic."""
    if session.get_bind().dialect.name == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 86400.0
    seconds: ColumnElement[Any] = func.extract("epoch", end - start)
    return seconds


def _minus(session: Session, moment: Any, span: dt.timedelta) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H:%M:%f", moment, f"-{int(span.total_seconds())} seconds")
    earlier: ColumnElement[Any] = moment - literal(span, type_=Interval())
    return earlier


def _figure(code: str, unit: Unit, numerator: int, denominator: int, value: float | None) -> Figure:
    target, comparison = TARGETS.get(code, (None, None))
    met = None
    if value is not None and target is not None:
        met = value >= target if comparison is Comparison.AT_LEAST else value <= target
    return Figure(
        code=code,
        unit=unit,
        value=value,
        numerator=numerator,
        denominator=denominator,
        target=target,
        comparison=comparison,
        met=met,
    )


def _ratio(code: str, numerator: int | None, denominator: int | None) -> Figure:
    top, bottom = int(numerator or 0), int(denominator or 0)
    return _figure(code, Unit.RATIO, top, bottom, top / bottom if bottom else None)


def _in(column: Any, period: Period) -> ColumnElement[bool]:
    return and_(column >= period.since, column < period.until)


def _job_visits() -> TableClause:
    """The counts office migration 0016 keeps on PostgreSQL, in its own schema (no model: a
    derived copy of the visits that only the figures read)."""
    moment = Job.__table__.c.created_at.type
    return table(
        "job_visits",
        column("job_id", Uuid()),
        column("created_at", moment),
        column("visits", Integer()),
        column("first_arrival", moment),
        schema="office_figures",
    )


def job_figures(session: Session, period: Period) -> tuple[list[Figure], int]:
    """The figures about the jobs taken in the period, in one pass over them.

    Per job: its visits (how many, the first arrival), then whether it was fixed at the first
    visit with nothing taken to the workshop, answered within 15 minutes, reached at most 30
    minutes after the agreed time; and how many of them repeat a repair of the same item.
    """
    if session.get_bind().dialect.name == "postgresql":
        # Each job's visit count and first arrival, kept by triggers (office migration 0016) and
        # read by the jobs' creation time: one range beside the jobs' own, no lookup per job.
        kept = _job_visits()
        source: FromClause = outerjoin(
            Job, kept, and_(kept.c.job_id == Job.id, _in(kept.c.created_at, period))
        )
        visits: ColumnElement[Any] = func.coalesce(kept.c.visits, 0)
        arrived: ColumnElement[Any] = kept.c.first_arrival
    else:
        # SQLite offices are small: each job's visits are looked up by job (index on job_id).
        visits = select(func.count()).where(Visit.job_id == Job.id).scalar_subquery()
        arrived = select(func.min(Visit.arrived_at)).where(Visit.job_id == Job.id).scalar_subquery()
        source = Job.__table__
    per_job = (
        select(
            Job.id.label("id"),
            Job.item_id.label("item_id"),
            Job.created_at.label("created_at"),
            Job.first_response_at.label("responded"),
            Job.appointment_start.label("agreed"),
            visits.label("visits"),
            arrived.label("arrived"),
        )
        .select_from(source)
        .where(_in(Job.created_at, period), Job.status != JobStatus.CANCELLED)
        # Materialised, so each job's visits are looked up once, not once per figure using them.
        .cte("per_job")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    # IN, not EXISTS: the database reads the (small) pickup table once into a hash instead of
    # probing it once per job.
    taken = per_job.c.id.in_(select(PickupReceipt.job_id))
    waited = _seconds(session, per_job.c.created_at, per_job.c.responded)
    late = _seconds(session, per_job.c.agreed, per_job.c.arrived)
    has_arrival = and_(per_job.c.agreed.is_not(None), per_job.c.arrived.is_not(None))

    def count(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = session.execute(
        select(
            func.count(),
            count(per_job.c.visits > 0),
            count(and_(per_job.c.visits == 1, ~taken)),
            count(and_(per_job.c.responded.is_not(None), waited <= FIRST_RESPONSE.total_seconds())),
            # A call still inside its 15 minutes is not late yet, so it is not counted at all.
            count(
                or_(
                    per_job.c.responded.is_not(None),
                    per_job.c.created_at < utcnow() - FIRST_RESPONSE,
                )
            ),
            count(and_(has_arrival, late <= ARRIVAL_GRACE.total_seconds())),
            count(has_arrival),
            count(per_job.c.item_id.is_not(None)),
        ).select_from(per_job)
    ).one()
    jobs, visited, fixed, answered, answerable, punctual, arrivals, with_item = row
    repeats = _repeats(session, period)
    figures = [
        _ratio("first_time_fix", fixed, visited),
        _ratio("response_on_time", answered, answerable),
        _ratio("arrival_on_time", punctual, arrivals),
        _ratio("repeat_repairs", repeats, with_item),
    ]
    return figures, int(jobs)


def _repeats(session: Session, period: Period) -> int:
    """Jobs of the period whose item had another job in the 30 days before.

    One range read of the period plus the 30 days before it, each job paired with the previous
    job of its item by a window function: no lookup per job.
    """
    wide = (
        select(
            Job.created_at.label("created_at"),
            Job.status.label("status"),
            func.lag(Job.created_at)
            .over(partition_by=Job.item_id, order_by=(Job.created_at, Job.id))
            .label("previous"),
        )
        .where(
            Job.created_at >= period.since - REPEAT_WINDOW,
            Job.created_at < period.until,
            Job.item_id.is_not(None),
        )
        .subquery()
    )
    statement = (
        select(func.count())
        .select_from(wide)
        .where(
            wide.c.created_at >= period.since,
            wide.c.status != JobStatus.CANCELLED,
            wide.c.previous >= _minus(session, wide.c.created_at, REPEAT_WINDOW),
        )
    )
    return session.scalar(statement) or 0


def satisfaction(session: Session, period: Period) -> Figure:
    row = session.execute(
        select(func.avg(FollowUp.rating), func.count(FollowUp.rating)).where(
            _in(FollowUp.called_at, period), FollowUp.rating.is_not(None)
        )
    ).one()
    count = int(row[1] or 0)
    value = round(float(row[0]), 2) if count else None
    return _figure("satisfaction", Unit.RATING, count, count, value)


def complaint_rate(session: Session, period: Period, jobs: int) -> Figure:
    complaints = session.scalar(
        select(func.count()).select_from(Complaint).where(_in(Complaint.created_at, period))
    )
    return _ratio("complaint_rate", complaints, jobs)


def overdue_in_workshop(session: Session, period: Period, timezone: str) -> Figure:
    """Items held past their promised return date, as of the period's end (or today)."""
    as_of = min(period.until, utcnow())
    local_day = today(timezone, as_of)
    returned = exists().where(
        ReturnReceipt.pickup_id == PickupReceipt.id, ReturnReceipt.returned_at < as_of
    )
    held = and_(PickupReceipt.taken_at < as_of, ~returned)
    overdue = func.sum(case((PickupReceipt.promised_return_date < local_day, 1), else_=0))
    row = session.execute(select(overdue, func.count()).where(held)).one()
    overdue_count, held_count = int(row[0] or 0), int(row[1] or 0)
    return _figure("overdue_in_workshop", Unit.COUNT, overdue_count, held_count, overdue_count)


def parts_consumed(session: Session, period: Period) -> tuple[list[PartConsumed], int]:
    quantity = func.sum(PartUsed.quantity).label("quantity")
    rows = session.execute(
        select(PartUsed.part_number, func.max(PartUsed.description), quantity)
        .where(_in(PartUsed.created_at, period))
        .group_by(PartUsed.part_number)
        .order_by(quantity.desc(), PartUsed.part_number)
        .limit(TOP_PARTS)
    ).all()
    total = session.scalar(
        select(func.coalesce(func.sum(PartUsed.quantity), 0)).where(
            _in(PartUsed.created_at, period)
        )
    )
    parts = [PartConsumed(part_number=r[0], description=r[1] or "", quantity=r[2]) for r in rows]
    return parts, int(total or 0)


def cash_per_technician(session: Session, period: Period) -> list[TechnicianCash]:
    """Cash taken on site, per technician: what each must hand to finance."""
    if session.get_bind().dialect.name == "sqlite":
        # Money is exact text on SQLite: sum whole cents, never floats.
        total: ColumnElement[Any] = func.sum(
            cast(func.round(cast(Payment.amount, Numeric) * 100), Integer)
        )
        in_cents = True
    else:
        total = func.sum(cast(Payment.amount, Numeric(14, 2)))
        in_cents = False
    rows = session.execute(
        select(
            Payment.technician_id,
            Technician.display_name,
            func.count(),
            total,
        )
        .outerjoin(Technician, Technician.id == Payment.technician_id)
        .where(_in(Payment.taken_at, period), Payment.method == PaymentMethod.CASH)
        .group_by(Payment.technician_id, Technician.display_name)
        .order_by(Technician.display_name)
    ).all()
    return [
        TechnicianCash(
            technician_id=row[0],
            technician_name=row[1] or "",
            payments=row[2],
            amount=_money(row[3], in_cents),
        )
        for row in rows
    ]


def _money(value: Any, in_cents: bool) -> Decimal:
    if value is None:
        return Decimal("0.00")
    exact = Decimal(int(value)) / 100 if in_cents else Decimal(str(value))
    return exact.quantize(Decimal("0.01"))


def service_figures(session: Session, period: Period) -> FiguresPublic:
    if session.get_bind().dialect.name == "postgresql":
        # Each query reads one period through an index: compiling it to machine code (JIT) costs
        # more than it saves; the period's jobs sort in memory rather than on disk.
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL work_mem = '32MB'"))
    (ftf, response, arrival, repeats), jobs = job_figures(session, period)
    parts, parts_total = parts_consumed(session, period)
    figures = [
        ftf,
        response,
        arrival,
        satisfaction(session, period),
        complaint_rate(session, period, jobs),
        repeats,
        overdue_in_workshop(session, period, period.timezone),
        _figure("parts_consumed", Unit.COUNT, parts_total, parts_total, parts_total),
    ]
    return FiguresPublic(
        start=period.start,
        end=period.end,
        timezone=period.timezone,
        figures=figures,
        cash=cash_per_technician(session, period),
        parts=parts,
    )

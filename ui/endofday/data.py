"""What the end-of-day summary reads: money taken, parts used and jobs still open, as plain values.

A day is the technician's local calendar day. Only this laptop's technician's payments count
(the cash they hand to finance); the office reconciles the same payments once they sync.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select

from fieldtech.domain.enums import JobStatus, PaymentMethod
from fieldtech.models import Customer, Job, PartUsed, Payment
from fieldtech.usecases import device
from fieldtech.usecases.common import Db
from fieldtech.usecases.documents import company_settings

OPEN_LIMIT = 500
CLOSED = (JobStatus.SIGNED, JobStatus.CLOSED, JobStatus.CANCELLED)


@dataclass(frozen=True, slots=True)
class MethodTotal:
    method: PaymentMethod
    count: int
    total: Decimal


@dataclass(frozen=True, slots=True)
class PaymentLine:
    taken_at: dt.datetime
    ticket: str
    customer: str
    method: PaymentMethod
    receipt_number: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PartTotal:
    part_number: str
    description: str
    quantity: int
    tickets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OpenJob:
    id: uuid.UUID
    ticket: str
    customer: str
    status: JobStatus
    appointment: dt.datetime | None


@dataclass(frozen=True)
class EndOfDay:
    day: dt.date
    currency: str
    by_method: tuple[MethodTotal, ...]
    payments: tuple[PaymentLine, ...]
    parts: tuple[PartTotal, ...]
    open_jobs: tuple[OpenJob, ...]
    open_count: int

    @property
    def cash(self) -> Decimal:
        """The cash to hand to finance."""
        return sum(
            (m.total for m in self.by_method if m.method == PaymentMethod.CASH), Decimal("0.00")
        )

    @property
    def total(self) -> Decimal:
        return sum((m.total for m in self.by_method), Decimal("0.00"))


def day_bounds(day: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tz).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tz).astimezone(dt.UTC)
    return start, end


def end_of_day(db: Db, day: dt.date, tz: dt.tzinfo) -> EndOfDay:
    start, end = day_bounds(day, tz)
    with db() as session:
        tech = device.technician_id(session)
        currency = company_settings(session).currency
        mine = or_(Payment.technician_id == tech, Payment.technician_id.is_(None))
        payments = session.execute(
            select(Payment, Job.ticket_number, Customer.name)
            .join(Job, Payment.job_id == Job.id)
            .join(Customer, Job.customer_id == Customer.id)
            .where(Payment.taken_at >= start, Payment.taken_at < end, mine)
            .order_by(Payment.taken_at)
        ).all()
        lines = tuple(
            PaymentLine(p.taken_at, ticket, name, p.method, p.receipt_number, p.amount)
            for p, ticket, name in payments
        )
        by_method = tuple(
            MethodTotal(
                method,
                sum(1 for line in lines if line.method == method),
                sum((line.amount for line in lines if line.method == method), Decimal("0.00")),
            )
            for method in PaymentMethod
        )
        used = session.execute(
            select(PartUsed, Job.ticket_number)
            .join(Job, PartUsed.job_id == Job.id)
            .where(PartUsed.created_at >= start, PartUsed.created_at < end)
            .order_by(PartUsed.part_number, PartUsed.created_at)
        ).all()
        totals: dict[str, tuple[str, int, list[str]]] = {}
        for part, ticket in used:
            description, quantity, tickets = totals.get(part.part_number, (part.description, 0, []))
            if ticket not in tickets:
                tickets.append(ticket)
            totals[part.part_number] = (description, quantity + part.quantity, tickets)
        still_open = select(Job.id).where(Job.status.not_in(CLOSED))
        if tech is not None:
            still_open = still_open.where(
                or_(Job.technician_id == tech, Job.technician_id.is_(None))
            )
        open_count = session.scalar(select(func.count()).select_from(still_open.subquery())) or 0
        rows = session.execute(
            select(Job.id, Job.ticket_number, Customer.name, Job.status, Job.appointment_start)
            .join(Customer, Job.customer_id == Customer.id)
            .where(Job.id.in_(still_open))
            .order_by(func.coalesce(Job.appointment_start, Job.created_at), Job.ticket_number)
            .limit(OPEN_LIMIT)
        ).all()
        return EndOfDay(
            day=day,
            currency=currency,
            by_method=by_method,
            payments=lines,
            parts=tuple(
                PartTotal(number, description, quantity, tuple(tickets))
                for number, (description, quantity, tickets) in totals.items()
            ),
            open_jobs=tuple(OpenJob(*row) for row in rows),
            open_count=open_count,
        )

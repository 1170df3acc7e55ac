"""Issuing ticket numbers `YYYYMM-NNN`: one counter row per month, incremented under its row lock.

The increment is a single upsert with RETURNING, so on PostgreSQL the row is locked until the
caller's transaction ends (as SELECT ... FOR UPDATE would) and on SQLite the writer lock
serialises it. A job saved in the same transaction either keeps its number or, on rollback, gives
it back, so several processes never issue the same number and never leave a gap for a failed save.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from fieldtech.domain.errors import NumberingError
from fieldtech.rules.numbering import format_ticket
from sync.server.models import TicketCounter

# Past 999 in a month the number simply grows (fieldtech.rules.numbering.format_ticket).
MAX_PER_MONTH = 99_999


def ticket_month(now: dt.datetime, timezone: str) -> str:
    """The month a ticket belongs to, in the company's time zone (not UTC)."""
    return now.astimezone(ZoneInfo(timezone)).strftime("%Y%m")


def reserve_numbers(session: Session, month: str, count: int = 1) -> range:
    """Reserve `count` consecutive numbers of `month`; the caller's transaction owns the lock."""
    if count < 1:
        raise NumberingError("count: ask for at least one ticket number", count=count)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(TicketCounter)
        .values(month=month, last_number=count)
        .on_conflict_do_update(
            index_elements=[TicketCounter.month],
            set_={"last_number": TicketCounter.last_number + count},
        )
        .returning(TicketCounter.last_number)
    )
    last = session.execute(statement).scalar_one()
    if last > MAX_PER_MONTH:
        raise NumberingError(
            f"month {month}: more than {MAX_PER_MONTH} tickets; the month's numbers are used up",
            month=month,
        )
    return range(last - count + 1, last + 1)


def issue_ticket_number(session: Session, now: dt.datetime, timezone: str) -> str:
    month = ticket_month(now, timezone)
    return format_ticket(month, reserve_numbers(session, month).start)


def last_issued(session: Session, month: str) -> int:
    counter = session.scalar(select(TicketCounter.last_number).where(TicketCounter.month == month))
    return counter or 0

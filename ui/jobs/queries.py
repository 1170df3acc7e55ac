"""What the job lists read from the store: ordered job ids, and display rows for a page of ids.

Plain functions over a read sessionmaker, run on the database worker; they return plain data.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, overload

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from fieldtech.domain.enums import JobStatus, Urgency
from fieldtech.models import Customer, CustomerItem, Job, OutboxEntry
from fieldtech.store.search import search_job_ids
from fieldtech.usecases.common import Db

SEARCH_LIMIT = 500


@dataclass(frozen=True, slots=True)
class JobRow:
    """One line of a job list, as plain values."""

    id: uuid.UUID
    ticket: str
    start: dt.datetime | None
    end: dt.datetime | None
    customer: str
    phone: str
    address: str
    item: str
    serial: str
    fault: str
    urgency: Urgency
    status: JobStatus


def today_ids(db: Db, day: dt.date, tz: dt.tzinfo) -> list[uuid.UUID]:
    """Jobs with an appointment on `day` in the technician's time zone, in time order."""
    start = dt.datetime.combine(day, dt.time(), tz).astimezone(dt.UTC)
    end = start + dt.timedelta(days=1)
    with db() as session:
        return list(
            session.scalars(
                select(Job.id)
                .where(Job.appointment_start >= start, Job.appointment_start < end)
                .where(Job.status != JobStatus.CANCELLED)
                .order_by(Job.appointment_start, Job.ticket_number)
            )
        )


class Cancel:
    """Lets the GUI thread stop a search the database worker is running, when the user typed on.

    The search's connection checks the flag every few thousand steps of SQLite's engine (a
    progress handler) and stops when it is set: unlike sqlite3_interrupt, a cancel that comes
    before the query starts is not lost. A search so stopped answers None instead of ids.
    """

    STEPS = 5_000

    def __init__(self) -> None:
        self.cancelled = False
        self.running = threading.Event()
        """Set while a search is on the connection (tests wait for it)."""

    def cancel(self) -> None:
        self.cancelled = True

    @contextmanager
    def watching(self, session: Session) -> Iterator[None]:
        connection = session.connection().connection.dbapi_connection
        assert connection is not None
        connection.set_progress_handler(lambda: 1 if self.cancelled else 0, self.STEPS)
        self.running.set()
        try:
            yield
        finally:
            connection.set_progress_handler(None, 0)
            self.running.clear()


def job_ids(
    db: Db, query: str = "", status: JobStatus | None = None, cancel: Cancel | None = None
) -> JobIds | None:
    """All jobs, newest appointment first; with `query`, those the search index matches.

    None when `cancel` stopped it.
    """
    cancel = cancel or Cancel()
    with db() as session, cancel.watching(session):
        if cancel.cancelled:
            return None
        try:
            return _job_ids(session, query, status)
        except OperationalError:
            if cancel.cancelled:
                return None
            raise


class JobIds(Sequence[uuid.UUID]):
    """Job ids in list order, kept as the stored hex and made UUIDs only when read.

    The "All jobs" list holds every id; building 50,000 UUID objects cost several times the
    query itself, and a list only ever reads the few on screen.
    """

    def __init__(self, hexes: list[str]) -> None:
        self._hexes = hexes

    def __len__(self) -> int:
        return len(self._hexes)

    @overload
    def __getitem__(self, index: int) -> uuid.UUID: ...

    @overload
    def __getitem__(self, index: slice) -> list[uuid.UUID]: ...

    def __getitem__(self, index: int | slice) -> uuid.UUID | list[uuid.UUID]:
        if isinstance(index, slice):
            return [uuid.UUID(hex=h) for h in self._hexes[index]]
        return uuid.UUID(hex=self._hexes[index])

    def index(self, value: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        if not isinstance(value, uuid.UUID):
            raise ValueError(f"{value!r} is not a job id")
        return self._hexes.index(value.hex, start, stop)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JobIds):
            return self._hexes == other._hexes
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment] # a mutable-looking sequence, like list


def list_order(stmt: Select[Any]) -> Select[Any]:
    """Newest appointment first: the order the store's `jobs_fts_list_order` index holds."""
    return stmt.order_by(
        func.coalesce(Job.appointment_start, Job.created_at).desc(), Job.ticket_number.desc()
    )


def _job_ids(session: Session, query: str, status: JobStatus | None) -> JobIds:
    stmt = list_order(select(type_coerce(Job.id, String)))
    if status is not None:
        stmt = stmt.where(Job.status == status)
    if query.strip():
        found = search_job_ids(session, query, limit=SEARCH_LIMIT)
        if not found:
            return JobIds([])
        stmt = stmt.where(Job.id.in_(found))
    return JobIds(list(session.scalars(stmt)))


def rows_for(db: Db, ids: list[uuid.UUID]) -> dict[uuid.UUID, JobRow]:
    """The display rows of one page of ids (any order; missing ids are simply absent)."""
    with db() as session:
        return _rows(session, ids)


def _rows(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, JobRow]:
    stmt = (
        select(
            Job.id,
            Job.ticket_number,
            Job.appointment_start,
            Job.appointment_end,
            Customer.name,
            Customer.phone,
            Customer.address,
            CustomerItem.brand,
            CustomerItem.model,
            CustomerItem.serial,
            Job.fault_description,
            Job.urgency,
            Job.status,
        )
        .join(Customer, Customer.id == Job.customer_id)
        .outerjoin(CustomerItem, CustomerItem.id == Job.item_id)
        .where(Job.id.in_(ids))
    )
    rows: dict[uuid.UUID, JobRow] = {}
    for r in session.execute(stmt):
        item = " ".join(part for part in (r.brand, r.model) if part)
        rows[r.id] = JobRow(
            id=r.id,
            ticket=r.ticket_number,
            start=r.appointment_start,
            end=r.appointment_end,
            customer=r.name,
            phone=r.phone,
            address=r.address,
            item=item,
            serial=r.serial or "",
            fault=r.fault_description,
            urgency=r.urgency,
            status=r.status,
        )
    return rows


def outbox_count(db: Db) -> int:
    """Changes recorded on this laptop that have not reached the office yet."""
    with db() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)

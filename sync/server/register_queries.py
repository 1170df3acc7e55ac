"""Reading the repair register: every item taken to the workshop, where it is, and overdue flags.

An item's state is its latest movement (by time, then by when it was recorded); a pickup with no
movement yet is "taken". It is overdue while not returned after its promised return date.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, literal, or_, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import MovementKind
from fieldtech.models import (
    Customer,
    CustomerItem,
    ItemMovement,
    Job,
    PickupReceipt,
    ReturnReceipt,
    Technician,
)
from fieldtech.rules.calendar import WorkingCalendar
from sync.server.job_queries import escape_like
from sync.server.office_days import day_start
from sync.server.schemas.register import MovementRow, RegisterRow, ReturnReceiptRef

NEXT_KINDS: dict[MovementKind, tuple[MovementKind, ...]] = {
    MovementKind.TAKEN: (MovementKind.IN_WORKSHOP, MovementKind.RETURNED),
    MovementKind.IN_WORKSHOP: (MovementKind.REPAIRED, MovementKind.RETURNED),
    MovementKind.REPAIRED: (MovementKind.RETURNED, MovementKind.IN_WORKSHOP),
    MovementKind.RETURNED: (),
}
"""What may follow each state: back to the bench after a failed test, or returned unrepaired."""


class RegisterSort(StrEnum):
    PROMISED = "promised_return_date"
    PROMISED_DESC = "-promised_return_date"
    TAKEN = "taken_at"
    TAKEN_DESC = "-taken_at"
    RECEIPT = "receipt_number"
    TICKET = "ticket_number"


@dataclass(frozen=True)
class RegisterFilter:
    q: str = ""
    state: MovementKind | None = None
    held: bool = False
    """Only items not yet returned."""
    overdue: bool = False
    technician_id: uuid.UUID | None = None
    taken_from: dt.date | None = None
    taken_to: dt.date | None = None
    sort: RegisterSort = RegisterSort.PROMISED


def latest_movements() -> Any:
    """One row per pickup: its latest movement's id, kind and time."""
    ranked = select(
        ItemMovement.pickup_id,
        ItemMovement.id,
        ItemMovement.kind,
        ItemMovement.at,
        func.row_number()
        .over(
            partition_by=ItemMovement.pickup_id,
            order_by=(
                ItemMovement.at.desc(),
                ItemMovement.created_at.desc(),
                ItemMovement.id.desc(),
            ),
        )
        .label("rank"),
    ).subquery()
    return select(ranked).where(ranked.c.rank == 1).subquery()


def _columns(latest: Any) -> tuple[Any, Any, Any]:
    state = func.coalesce(latest.c.kind, literal(MovementKind.TAKEN.value)).label("state")
    state_at = func.coalesce(latest.c.at, PickupReceipt.taken_at).label("state_at")
    return state, state_at, latest.c.id.label("last_movement_id")


def _filtered(where: RegisterFilter, today: dt.date, timezone: str) -> Select[Any]:
    latest = latest_movements()
    state, state_at, last_id = _columns(latest)
    statement = (
        select(PickupReceipt, Job, Customer, CustomerItem, Technician, state, state_at, last_id)
        .join(Job, Job.id == PickupReceipt.job_id)
        .join(Customer, Customer.id == Job.customer_id)
        .outerjoin(
            CustomerItem,
            CustomerItem.id == func.coalesce(PickupReceipt.item_id, Job.item_id),
        )
        .outerjoin(Technician, Technician.id == PickupReceipt.technician_id)
        .outerjoin(latest, latest.c.pickup_id == PickupReceipt.id)
    )
    if where.q:
        pattern = f"%{escape_like(where.q.strip().lower())}%"
        searched = (
            PickupReceipt.receipt_number,
            Job.ticket_number,
            Customer.name,
            Customer.phone,
            CustomerItem.model,
            CustomerItem.serial,
        )
        statement = statement.where(
            or_(*(func.lower(column).like(pattern, escape="\\") for column in searched))
        )
    returned = literal(MovementKind.RETURNED.value)
    if where.state:
        statement = statement.where(state == literal(where.state.value))
    if where.held or where.overdue:
        statement = statement.where(state != returned)
    if where.overdue:
        statement = statement.where(PickupReceipt.promised_return_date < today)
    if where.technician_id:
        statement = statement.where(PickupReceipt.technician_id == where.technician_id)
    if where.taken_from:
        statement = statement.where(PickupReceipt.taken_at >= day_start(where.taken_from, timezone))
    if where.taken_to:
        end = day_start(where.taken_to + dt.timedelta(days=1), timezone)
        statement = statement.where(PickupReceipt.taken_at < end)
    return statement


def _ordered(statement: Select[Any], sort: RegisterSort) -> Select[Any]:
    columns = {
        "promised_return_date": PickupReceipt.promised_return_date,
        "taken_at": PickupReceipt.taken_at,
        "receipt_number": PickupReceipt.receipt_number,
        "ticket_number": Job.ticket_number,
    }
    column = columns[sort.value.lstrip("-")]
    first = column.desc() if sort.value.startswith("-") else column.asc()
    return statement.order_by(first, PickupReceipt.taken_at, PickupReceipt.id)


def _history(
    session: Session, pickup_ids: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[ItemMovement]], dict[uuid.UUID, list[ReturnReceipt]]]:
    movements: dict[uuid.UUID, list[ItemMovement]] = defaultdict(list)
    returns: dict[uuid.UUID, list[ReturnReceipt]] = defaultdict(list)
    if not pickup_ids:
        return movements, returns
    for movement in session.scalars(
        select(ItemMovement)
        .where(ItemMovement.pickup_id.in_(pickup_ids))
        .order_by(ItemMovement.at, ItemMovement.created_at, ItemMovement.id)
    ):
        movements[movement.pickup_id].append(movement)
    for receipt in session.scalars(
        select(ReturnReceipt)
        .where(ReturnReceipt.pickup_id.in_(pickup_ids))
        .order_by(ReturnReceipt.returned_at)
    ):
        returns[receipt.pickup_id].append(receipt)
    return movements, returns


def _row(
    found: Any,
    movements: list[ItemMovement],
    returns: list[ReturnReceipt],
    calendar: WorkingCalendar,
    today: dt.date,
) -> RegisterRow:
    pickup, job, customer, item, technician, state, state_at, last_id = found
    kind = MovementKind(state)
    held = kind is not MovementKind.RETURNED
    promised = pickup.promised_return_date
    overdue = held and today > promised
    late_days = calendar.working_days_between(promised, today) if overdue else 0
    returned_on = state_at.astimezone(dt.UTC) if not held else None
    local_return = (
        returned_on.astimezone(ZoneInfo(calendar.timezone)).date() if returned_on else None
    )
    return RegisterRow(
        pickup_id=pickup.id,
        receipt_number=pickup.receipt_number,
        job_id=job.id,
        ticket_number=job.ticket_number,
        customer_name=customer.name,
        customer_phone=customer.phone,
        item=" ".join(x for x in (item.brand, item.model) if x) if item else "",
        serial=item.serial if item else "",
        technician_name=technician.display_name if technician else "",
        condition=pickup.condition,
        reason=pickup.reason,
        taken_at=pickup.taken_at,
        promised_return_date=promised,
        state=kind,
        state_at=state_at,
        last_movement_id=last_id,
        held=held,
        overdue=overdue,
        working_days_overdue=late_days,
        returned_late=bool(local_return and local_return > promised),
        next_kinds=list(NEXT_KINDS[kind]),
        movements=[MovementRow.model_validate(m) for m in movements],
        return_receipts=[ReturnReceiptRef.model_validate(r) for r in returns],
    )


def _rows(
    session: Session, statement: Select[Any], calendar: WorkingCalendar, today: dt.date
) -> list[RegisterRow]:
    found = session.execute(statement).all()
    movements, returns = _history(session, [row[0].id for row in found])
    return [_row(row, movements[row[0].id], returns[row[0].id], calendar, today) for row in found]


def list_register(
    session: Session,
    where: RegisterFilter,
    calendar: WorkingCalendar,
    today: dt.date,
    page: int,
    page_size: int,
) -> tuple[list[RegisterRow], int]:
    statement = _filtered(where, today, calendar.timezone)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    paged = _ordered(statement, where.sort).offset((page - 1) * page_size).limit(page_size)
    return _rows(session, paged, calendar, today), total


def all_register(
    session: Session, where: RegisterFilter, calendar: WorkingCalendar, today: dt.date, limit: int
) -> list[RegisterRow]:
    statement = _ordered(_filtered(where, today, calendar.timezone), where.sort).limit(limit)
    return _rows(session, statement, calendar, today)


def register_row(
    session: Session, pickup_id: uuid.UUID, calendar: WorkingCalendar, today: dt.date
) -> RegisterRow | None:
    statement = _filtered(RegisterFilter(), today, calendar.timezone).where(
        PickupReceipt.id == pickup_id
    )
    rows = _rows(session, statement, calendar, today)
    return rows[0] if rows else None

"""The repair register as the API shows it: items held in the workshop and their movements."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from fieldtech.domain.enums import MovementKind
from sync.server.schemas.common import StrictModel


class MovementRow(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: MovementKind
    at: dt.datetime
    by_name: str
    note: str


class ReturnReceiptRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    receipt_number: str
    returned_at: dt.datetime


class RegisterRow(BaseModel):
    """One item taken to the workshop, where it is now, and whether it is overdue."""

    pickup_id: uuid.UUID
    receipt_number: str
    job_id: uuid.UUID
    ticket_number: str
    customer_name: str
    customer_phone: str
    item: str
    serial: str
    technician_name: str
    condition: str
    reason: str
    taken_at: dt.datetime
    promised_return_date: dt.date
    """Three working days after the day it was taken, by the company's calendar."""
    state: MovementKind
    state_at: dt.datetime
    last_movement_id: uuid.UUID | None
    """Send it back as `expected_last_movement_id` when recording the next movement."""
    held: bool
    overdue: bool
    working_days_overdue: int
    returned_late: bool
    next_kinds: list[MovementKind]
    movements: list[MovementRow]
    return_receipts: list[ReturnReceiptRef]


class RegisterPage(BaseModel):
    items: list[RegisterRow]
    total: int
    page: int
    page_size: int
    today: dt.date


class MovementCreate(StrictModel):
    kind: MovementKind
    note: str = Field(default="", max_length=2000)
    at: AwareDatetime | None = None
    """When it happened; now when left out. Not in the future, not before the last movement."""
    expected_last_movement_id: uuid.UUID | None
    """The latest movement the clerk saw (null if none): the write is refused if it changed."""


class CounterReturn(StrictModel):
    """The customer collects the item at the office against a printed return receipt."""

    work_done: str = Field(min_length=1, max_length=4000)
    condition_on_return: str = Field(default="", max_length=4000)
    charges_total: Decimal = Field(default=Decimal("0.00"), ge=0, max_digits=12, decimal_places=2)
    customer_name: str = Field(min_length=1, max_length=200)
    """The name printed under the signature line; the customer signs the printed copy."""
    expected_last_movement_id: uuid.UUID | None


class MovementConflict(BaseModel):
    detail: str
    changed_by: str
    changed_at: dt.datetime
    movements_since: list[MovementRow]
    current: RegisterRow

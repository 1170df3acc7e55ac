"""The assignment board as the API shows it: jobs waiting, and each technician's days."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import AwareDatetime, BaseModel

from fieldtech.domain.enums import JobCategory, JobStatus, Urgency
from sync.server.response_clocks import ClockKind, ClockState
from sync.server.schemas.common import StrictModel


class ClockPublic(BaseModel):
    kind: ClockKind
    state: ClockState
    breached: bool
    started_at: dt.datetime
    due_at: dt.datetime
    stopped_at: dt.datetime | None
    minutes: int
    """Minutes left while running; minutes past the deadline when late or overdue."""


class BoardJob(BaseModel):
    id: uuid.UUID
    ticket_number: str
    status: JobStatus
    urgency: Urgency
    category: JobCategory
    sub_category: str
    customer_name: str
    customer_phone: str
    address: str
    item: str
    fault_description: str
    preferred_time: str
    technician_id: uuid.UUID | None
    technician_name: str
    appointment_start: dt.datetime | None
    appointment_end: dt.datetime | None
    first_response_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    """Send it back as `expected_updated_at` when assigning: the edit is refused if it changed."""
    clocks: list[ClockPublic]
    breached: bool


class BoardCell(BaseModel):
    technician_id: uuid.UUID
    day: dt.date
    jobs: list[BoardJob]


class BoardTechnician(BaseModel):
    id: uuid.UUID
    display_name: str


class Board(BaseModel):
    start: dt.date
    days: list[dt.date]
    timezone: str
    generated_at: dt.datetime
    unassigned: list[BoardJob]
    technicians: list[BoardTechnician]
    cells: list[BoardCell]


class FirstResponse(StrictModel):
    expected_updated_at: AwareDatetime

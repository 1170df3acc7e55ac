"""Jobs as the API accepts and shows them: intake, edits with a version precondition, lists."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from fieldtech.domain.enums import Channel, JobCategory, JobStatus, Urgency
from sync.server.schemas.common import StrictModel

EARLIEST_PURCHASE = dt.date(1980, 1, 1)
EARLIEST_APPOINTMENT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST_APPOINTMENT = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def check_appointment(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and not EARLIEST_APPOINTMENT <= value < LATEST_APPOINTMENT:
        raise ValueError("the appointment must fall between the years 2000 and 2099")
    return value


class CustomerIn(StrictModel):
    """A new customer, or `id` of one already on file (then the other fields are ignored)."""

    id: uuid.UUID | None = None
    name: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40, pattern=r"^[0-9+()\-. ]*$")
    address: str = Field(default="", max_length=2000)
    email: str = Field(default="", max_length=200)


class ItemIn(StrictModel):
    id: uuid.UUID | None = None
    brand: str = Field(default="", max_length=100)
    model: str = Field(default="", max_length=100)
    serial: str = Field(default="", max_length=100)
    purchase_date: dt.date | None = None

    @field_validator("purchase_date")
    @classmethod
    def _purchase_in_range(cls, value: dt.date | None) -> dt.date | None:
        latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
        if value is not None and not EARLIEST_PURCHASE <= value <= latest:
            raise ValueError(f"the purchase date must lie between {EARLIEST_PURCHASE} and today")
        return value


class JobCreate(StrictModel):
    """A customer call as the office records it; the ticket number is issued when it is saved."""

    id: uuid.UUID | None = None
    customer: CustomerIn
    item: ItemIn | None = None
    fault_description: str = Field(default="", max_length=4000)
    channel: Channel = Channel.PHONE
    category: JobCategory
    sub_category: str = Field(default="", max_length=64)
    urgency: Urgency = Urgency.NORMAL
    preferred_time: str = Field(default="", max_length=200)


class JobUpdate(StrictModel):
    """Only the fields sent are changed. `expected_updated_at` is the `updated_at` you last read:
    if the job changed since, nothing is saved and the answer is 409 with what changed."""

    expected_updated_at: AwareDatetime
    fault_description: str | None = Field(default=None, max_length=4000)
    channel: Channel | None = None
    category: JobCategory | None = None
    sub_category: str | None = Field(default=None, max_length=64)
    urgency: Urgency | None = None
    preferred_time: str | None = Field(default=None, max_length=200)
    status: JobStatus | None = None


class JobAssign(StrictModel):
    expected_updated_at: AwareDatetime
    technician_id: uuid.UUID
    appointment_start: AwareDatetime
    appointment_end: AwareDatetime

    _range = field_validator("appointment_start", "appointment_end")(check_appointment)


class CustomerPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    phone: str
    address: str
    email: str


class ItemPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    brand: str
    model: str
    serial: str
    purchase_date: dt.date | None


class CustomerFound(BaseModel):
    customer: CustomerPublic
    items: list[ItemPublic]


class JobPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ticket_number: str
    status: JobStatus
    channel: Channel
    category: JobCategory
    sub_category: str
    urgency: Urgency
    needs_supervisor: bool
    fault_description: str
    preferred_time: str
    appointment_start: dt.datetime | None
    appointment_end: dt.datetime | None
    technician_id: uuid.UUID | None
    technician_name: str
    customer: CustomerPublic
    item: ItemPublic | None
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime


class JobPage(BaseModel):
    items: list[JobPublic]
    total: int = Field(description="matches counted up to 1,001; see total_is_lower_bound")
    total_is_lower_bound: bool = Field(
        default=False, description="more jobs match than `total` says (the count stopped)"
    )
    page: int
    page_size: int


class EditConflict(BaseModel):
    """Answer to an edit based on an old read: who changed the job, when, and what."""

    detail: str
    changed_by: str
    changed_at: dt.datetime
    changes: dict[str, list[Any]]
    current: JobPublic


class TechnicianPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    display_name: str
    phone: str

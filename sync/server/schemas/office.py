"""Follow-up calls and complaints as the API accepts and shows them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from fieldtech.domain.enums import (
    ComplaintConcern,
    ComplaintRoute,
    ComplaintStatus,
    FollowUpKind,
    Urgency,
)
from sync.server.schemas.common import StrictModel


def _no_nul(text: str) -> str:
    """PostgreSQL cannot store a NUL character in text, and no person types one."""
    if "\x00" in text:
        raise ValueError("the text contains a NUL character; remove it")
    return text


Text = Annotated[str, AfterValidator(_no_nul)]


class CallDue(BaseModel):
    """One customer to call back: the job, why (kind) and from when."""

    job_id: uuid.UUID
    ticket_number: str
    kind: FollowUpKind
    urgency: Urgency
    customer_name: str
    customer_phone: str
    technician_name: str
    visited_at: dt.datetime
    due_date: dt.date
    overdue: bool


class CallList(BaseModel):
    items: list[CallDue]
    total: int = Field(description="calls counted up to 201; see total_is_lower_bound")
    total_is_lower_bound: bool = Field(
        default=False, description="more calls are due than `total` says (the count stopped)"
    )
    page: int
    page_size: int
    due_by: dt.date


class FollowUpCreate(StrictModel):
    job_id: uuid.UUID
    kind: FollowUpKind = FollowUpKind.SATISFACTION
    rating: int = Field(ge=1, le=5, description="the customer's rating, 1 (bad) to 5 (very good)")
    notes: Text = Field(default="", max_length=4000)


class FollowUpResolve(StrictModel):
    note: Text = Field(min_length=1, max_length=4000, description="what the supervisor did")


class FollowUpPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    job_id: uuid.UUID
    ticket_number: str
    customer_name: str
    customer_phone: str
    kind: FollowUpKind
    due_date: dt.date
    called_at: dt.datetime | None
    rating: int | None
    notes: str
    escalated: bool
    escalation_deadline: dt.datetime | None
    overdue: bool


class ComplaintCreate(StrictModel):
    """A complaint about a job (`job_id`) or, with no job, about a customer on file."""

    job_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    concern: ComplaintConcern
    owner: Text = Field(min_length=1, max_length=200)
    description: Text = Field(min_length=1, max_length=4000)
    deadline: AwareDatetime | None = Field(
        default=None, description="when the route must have acted; the route's default if absent"
    )
    promised_reply_at: AwareDatetime | None = Field(
        default=None, description="the reply time the customer was promised; 24 h if absent"
    )


class ComplaintStatusChange(StrictModel):
    status: ComplaintStatus
    note: Text = Field(default="", max_length=4000)


class ComplaintPublic(BaseModel):
    id: uuid.UUID
    job_id: uuid.UUID | None
    ticket_number: str
    customer_id: uuid.UUID
    customer_name: str
    customer_phone: str
    concern: ComplaintConcern
    route: ComplaintRoute
    owner: str
    description: str
    deadline: dt.datetime
    promised_reply_at: dt.datetime
    status: ComplaintStatus
    overdue: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class ComplaintPage(BaseModel):
    items: list[ComplaintPublic]
    total: int
    page: int
    page_size: int

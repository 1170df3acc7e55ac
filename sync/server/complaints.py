"""Complaints: routed by what they concern, each with an owner, a deadline and a promised reply.

Product quality or function goes to quality control (and on to the maker), damaged packaging to
the warehouse, staff attitude or negligence to sales management.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import ComplaintConcern, ComplaintRoute, ComplaintStatus
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import Complaint, Customer, Job, utcnow
from sync.server import audit
from sync.server.auth import Principal
from sync.server.schemas.office import ComplaintCreate, ComplaintPublic

ROUTE_OF = {
    ComplaintConcern.PRODUCT_QUALITY: ComplaintRoute.QUALITY_CONTROL,
    ComplaintConcern.PRODUCT_FUNCTION: ComplaintRoute.QUALITY_CONTROL,
    ComplaintConcern.PACKAGING: ComplaintRoute.WAREHOUSE,
    ComplaintConcern.STAFF_ATTITUDE: ComplaintRoute.SALES_MANAGEMENT,
    ComplaintConcern.STAFF_NEGLIGENCE: ComplaintRoute.SALES_MANAGEMENT,
}
# How long each route has to act: quality control waits on the maker, so it has the longest.
ROUTE_DEADLINE = {
    ComplaintRoute.QUALITY_CONTROL: dt.timedelta(days=3),
    ComplaintRoute.WAREHOUSE: dt.timedelta(days=2),
    ComplaintRoute.SALES_MANAGEMENT: dt.timedelta(days=1),
}
PROMISED_REPLY = dt.timedelta(hours=24)
OPEN_STATES = (ComplaintStatus.OPEN, ComplaintStatus.REPLIED)


@dataclass(frozen=True)
class ComplaintFilter:
    status: ComplaintStatus | None = None
    route: ComplaintRoute | None = None
    concern: ComplaintConcern | None = None
    overdue: bool = False
    job_id: uuid.UUID | None = None


def record_complaint(session: Session, who: Principal, body: ComplaintCreate) -> Complaint:
    job = session.get(Job, body.job_id) if body.job_id else None
    if body.job_id and job is None:
        raise ValidationError("job_id", "no job has this id")
    customer_id = job.customer_id if job else body.customer_id
    if customer_id is None:
        raise ValidationError("customer_id", "say which customer complains: a job or a customer")
    if job is None and session.get(Customer, customer_id) is None:
        raise ValidationError("customer_id", "no customer has this id")
    if job is not None and body.customer_id and body.customer_id != job.customer_id:
        raise ValidationError("customer_id", "this job belongs to another customer")
    now = utcnow()
    route = ROUTE_OF[body.concern]
    deadline = body.deadline or now + ROUTE_DEADLINE[route]
    promised = body.promised_reply_at or now + PROMISED_REPLY
    if deadline <= now:
        raise ValidationError("deadline", "the deadline must be in the future")
    if promised <= now:
        raise ValidationError("promised_reply_at", "the promised reply time must be in the future")
    complaint = Complaint(
        job_id=job.id if job else None,
        customer_id=customer_id,
        concern=body.concern,
        route=route,
        owner=body.owner,
        description=body.description,
        deadline=deadline,
        promised_reply_at=promised,
        status=ComplaintStatus.OPEN,
    )
    session.add(complaint)
    session.flush()
    changes = {"concern": body.concern, "route": route, "owner": body.owner, "deadline": deadline}
    audit.record(session, who, "complaint.record", "complaint", complaint.id, changes)
    if job is not None:
        audit.record(session, who, "complaint.record", "job", job.id, changes)
    return complaint


def change_status(
    session: Session, who: Principal, complaint_id: uuid.UUID, new: ComplaintStatus, note: str
) -> Complaint:
    complaint = session.get(Complaint, complaint_id, with_for_update=True)
    if complaint is None:
        raise NotFoundError(f"complaint {complaint_id}: no such complaint")
    if complaint.status is new:
        raise ValidationError("status", f"the complaint is {new.value} already")
    changes = {"status": [complaint.status, new]}
    complaint.status = new
    audit.record(session, who, "complaint.status", "complaint", complaint.id, changes, note[:200])
    if complaint.job_id:
        audit.record(session, who, "complaint.status", "job", complaint.job_id, changes, note[:200])
    return complaint


def _filtered(where: ComplaintFilter) -> Select[Complaint]:
    statement = select(Complaint)
    if where.status:
        statement = statement.where(Complaint.status == where.status)
    if where.route:
        statement = statement.where(Complaint.route == where.route)
    if where.concern:
        statement = statement.where(Complaint.concern == where.concern)
    if where.job_id:
        statement = statement.where(Complaint.job_id == where.job_id)
    if where.overdue:
        statement = statement.where(
            Complaint.status.in_(OPEN_STATES), Complaint.deadline < utcnow()
        )
    return statement


def list_complaints(
    session: Session, where: ComplaintFilter, page: int, page_size: int
) -> tuple[list[ComplaintPublic], int]:
    """Open ones first, then by deadline: what is due soonest is on top."""
    statement = _filtered(where)
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    closed_last = (Complaint.status == ComplaintStatus.CLOSED).label("closed_last")
    rows = session.scalars(
        statement.order_by(closed_last, Complaint.deadline, Complaint.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return [complaint_public(session, row) for row in rows], total


def complaint_public(session: Session, complaint: Complaint) -> ComplaintPublic:
    customer = session.get(Customer, complaint.customer_id)
    job = session.get(Job, complaint.job_id) if complaint.job_id else None
    assert customer is not None
    return ComplaintPublic(
        id=complaint.id,
        job_id=complaint.job_id,
        ticket_number=job.ticket_number if job else "",
        customer_id=customer.id,
        customer_name=customer.name,
        customer_phone=customer.phone,
        concern=complaint.concern,
        route=complaint.route,
        owner=complaint.owner,
        description=complaint.description,
        deadline=complaint.deadline,
        promised_reply_at=complaint.promised_reply_at,
        status=complaint.status,
        overdue=complaint.status in OPEN_STATES and complaint.deadline < utcnow(),
        created_at=complaint.created_at,
        updated_at=complaint.updated_at,
    )

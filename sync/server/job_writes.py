"""Saving jobs: intake with a ticket number, edits guarded by the version the editor last read."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import SUB_CATEGORIES, JobCategory, JobStatus
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import Customer, CustomerItem, Job, Technician, utcnow
from fieldtech.rules.statemachine import check_transition
from sync.server import audit
from sync.server.auth import Principal
from sync.server.job_queries import job_public
from sync.server.models import AuditEntry
from sync.server.schemas.jobs import JobAssign, JobCreate, JobPublic, JobUpdate
from sync.server.tickets import issue_ticket_number

ONE_TICK = dt.timedelta(microseconds=1)


class EditConflictError(Exception):
    """The job changed after the editor read it; carries what the 409 answer shows."""

    def __init__(
        self, current: JobPublic, changed_by: str, changed_at: dt.datetime, changes: dict[str, Any]
    ) -> None:
        super().__init__(f"changed by {changed_by} at {changed_at.isoformat()}")
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.changes = changes


def _check_sub_category(category: JobCategory, sub_category: str) -> None:
    if sub_category and sub_category not in SUB_CATEGORIES[category]:
        options = ", ".join(SUB_CATEGORIES[category])
        raise ValidationError("sub_category", f"for {category.value} choose one of: {options}")


def _customer(session: Session, body: JobCreate) -> Customer:
    if body.customer.id is not None:
        customer = session.get(Customer, body.customer.id)
        if customer is None:
            raise ValidationError("customer.id", "no customer has this id; leave it out to add one")
        return customer
    if not body.customer.name:
        raise ValidationError("customer.name", "enter the customer's name")
    customer = Customer(**body.customer.model_dump(exclude={"id"}))
    session.add(customer)
    return customer


def _item(session: Session, body: JobCreate, customer: Customer) -> CustomerItem | None:
    if body.item is None:
        return None
    if body.item.id is not None:
        item = session.get(CustomerItem, body.item.id)
        if item is None or item.customer_id != customer.id:
            raise ValidationError("item.id", "this customer has no item with this id")
        return item
    item = CustomerItem(customer=customer, **body.item.model_dump(exclude={"id"}))
    session.add(item)
    return item


def create_job(session: Session, who: Principal, body: JobCreate, timezone: str) -> Job:
    """Adds the job (and a new customer and item) with the next ticket number; caller commits."""
    _check_sub_category(body.category, body.sub_category)
    customer = _customer(session, body)
    item = _item(session, body, customer)
    session.flush()
    now = utcnow()
    job = Job(
        id=body.id or uuid.uuid4(),
        ticket_number=issue_ticket_number(session, now, timezone),
        customer=customer,
        item=item,
        channel=body.channel,
        category=body.category,
        sub_category=body.sub_category,
        urgency=body.urgency,
        fault_description=body.fault_description,
        preferred_time=body.preferred_time,
        created_at=now,
        updated_at=now,
    )
    session.add(job)
    session.flush()
    audit.record(
        session,
        who,
        "job.create",
        "job",
        job.id,
        {
            "ticket_number": job.ticket_number,
            "customer": customer.name,
            "urgency": job.urgency,
            **body.model_dump(exclude={"id", "customer", "item"}),
        },
    ).at = now
    return job


def _lock(session: Session, job_id: uuid.UUID) -> Job:
    """Loads the job under its row lock (PostgreSQL); SQLite already holds the write lock."""
    job = session.get(Job, job_id, with_for_update=True, populate_existing=True)
    if job is None:
        raise NotFoundError(f"job {job_id}: no such job")
    return job


def _changes_since(session: Session, job: Job, since: dt.datetime) -> EditConflictError:
    entries = list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "job", AuditEntry.entity_id == job.id)
            .where(AuditEntry.at > since)
            .order_by(AuditEntry.id)
        )
    )
    changes: dict[str, Any] = {}
    for entry in entries:
        for field, value in entry.changes.items():
            old, new = value if isinstance(value, list) and len(value) == 2 else (None, value)
            changes[field] = [changes[field][0] if field in changes else old, new]
    changed_by = entries[-1].username if entries else "another client"
    return EditConflictError(job_public(job), changed_by, job.updated_at, changes)


def _apply(
    session: Session,
    who: Principal,
    job: Job,
    expected: dt.datetime,
    values: Mapping[str, Any],
    action: str,
) -> Job:
    if job.updated_at != expected:
        raise _changes_since(session, job, expected)
    changes = {
        field: [getattr(job, field), value]
        for field, value in values.items()
        if getattr(job, field) != value
    }
    if not changes:
        return job
    for field, (_old, new) in changes.items():
        setattr(job, field, new)
    now = max(utcnow(), job.updated_at + ONE_TICK)
    job.updated_at = now
    audit.record(session, who, action, "job", job.id, changes).at = now
    session.flush()
    return job


def update_job(session: Session, who: Principal, job_id: uuid.UUID, body: JobUpdate) -> Job:
    job = _lock(session, job_id)
    values = body.model_dump(exclude={"expected_updated_at"}, exclude_unset=True)
    for field, value in values.items():
        if value is None:
            raise ValidationError(field, "leave the field out instead of sending null")
    if "status" in values and values["status"] != job.status:
        check_transition(job.status, values["status"])
    category = values.get("category", job.category)
    if "category" in values or "sub_category" in values:
        _check_sub_category(category, values.get("sub_category", job.sub_category))
    return _apply(session, who, job, body.expected_updated_at, values, "job.update")


def assign_job(session: Session, who: Principal, job_id: uuid.UUID, body: JobAssign) -> Job:
    if body.appointment_end <= body.appointment_start:
        raise ValidationError("appointment_end", "the window must end after it starts")
    if session.get(Technician, body.technician_id) is None:
        raise ValidationError("technician_id", "no technician has this id")
    job = _lock(session, job_id)
    if job.updated_at == body.expected_updated_at and job.status is not JobStatus.ASSIGNED:
        check_transition(job.status, JobStatus.ASSIGNED)
    values = {
        "technician_id": body.technician_id,
        "appointment_start": body.appointment_start,
        "appointment_end": body.appointment_end,
        "status": JobStatus.ASSIGNED,
    }
    if job.first_response_at is None:
        # Staff give the customer the appointment window as they assign: the first response.
        values["first_response_at"] = utcnow()
    return _apply(session, who, job, body.expected_updated_at, values, "job.assign")


def record_first_response(
    session: Session, who: Principal, job_id: uuid.UUID, expected_updated_at: dt.datetime
) -> Job:
    """Staff called the customer back before a technician could be assigned."""
    job = _lock(session, job_id)
    if job.first_response_at is not None and job.updated_at == expected_updated_at:
        raise ValidationError("first_response_at", "the first response is recorded already")
    values = {"first_response_at": job.first_response_at or utcnow()}
    return _apply(session, who, job, expected_updated_at, values, "job.first_response")

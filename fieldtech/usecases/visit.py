"""The visit as it happens: open a job at the door, arrive, diagnose, advise, leave."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from fieldtech.domain.enums import Channel, JobCategory, JobStatus, Urgency
from fieldtech.domain.errors import ValidationError
from fieldtech.models import (
    AdviceNote,
    Customer,
    CustomerItem,
    Diagnosis,
    Job,
    ProductCategory,
    Visit,
    utcnow,
)
from fieldtech.usecases import device, validate
from fieldtech.usecases.common import Db, ensure_editable, load_job, to_on_site


@dataclass(frozen=True)
class NewJob:
    """What a technician types to open a job at a customer's door."""

    customer_name: str
    phone: str
    address: str
    category: JobCategory | str
    fault_description: str
    model: str = ""
    serial: str = ""
    brand: str = ""
    product_category: str | None = None  # ProductCategory.code
    purchase_date: dt.date | None = None
    sub_category: str = ""
    urgency: Urgency | str = Urgency.NORMAL


def open_job(db: Db, new: NewJob, *, today: dt.date) -> Job:
    """A job opened offline takes its final ticket number from the block lent to this laptop."""
    name = validate.text("customer_name", new.customer_name, required=True)
    phone = validate.text("phone", new.phone, max_len=40)
    address = validate.text("address", new.address, max_len=validate.LONG)
    category = validate.choice("category", new.category, JobCategory)
    urgency = validate.choice("urgency", new.urgency, Urgency)
    fault = validate.text("fault_description", new.fault_description, max_len=validate.LONG)
    model = validate.text("model", new.model, max_len=100)
    serial = validate.text("serial", new.serial, max_len=100)
    brand = validate.text("brand", new.brand, max_len=100)
    sub = validate.text("sub_category", new.sub_category, max_len=validate.CODE)
    purchase = validate.past_date("purchase_date", new.purchase_date, today)
    with db.begin() as session:
        category_id = None
        if new.product_category:
            found = session.scalar(
                select(ProductCategory).where(ProductCategory.code == new.product_category)
            )
            if found is None:
                raise ValidationError(
                    "product_category",
                    f"'{new.product_category}' is not a known product category; pick one from the list",
                )
            category_id = found.id
        customer = Customer(name=name, phone=phone, address=address)
        session.add(customer)
        session.flush()
        item = CustomerItem(
            customer_id=customer.id,
            category_id=category_id,
            brand=brand,
            model=model,
            serial=serial,
            purchase_date=purchase,
        )
        session.add(item)
        session.flush()
        job = Job(
            ticket_number=device.next_ticket_number(session, today),
            customer_id=customer.id,
            item_id=item.id,
            channel=Channel.ON_SITE,
            category=category,
            sub_category=sub,
            urgency=urgency,
            fault_description=fault,
            technician_id=device.technician_id(session),
            status=JobStatus.ON_SITE,
            first_response_at=utcnow(),
        )
        session.add(job)
        return job


def record_arrival(db: Db, job_id: uuid.UUID, at: dt.datetime | None = None) -> Visit:
    at = validate.aware("arrived_at", at or utcnow())
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        to_on_site(job)
        visit = Visit(job_id=job.id, technician_id=device.technician_id(session), arrived_at=at)
        session.add(visit)
        return visit


def record_departure(db: Db, job_id: uuid.UUID, at: dt.datetime | None = None) -> Visit:
    """The slip prints the departure, so once the customer signed it needs a new revision."""
    at = validate.aware("departed_at", at or utcnow())
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        visit = session.scalar(
            select(Visit)
            .where(Visit.job_id == job.id, Visit.departed_at.is_(None))
            .order_by(Visit.arrived_at.desc())
            .limit(1)
        )
        if visit is None:
            raise ValidationError("departed_at", "no arrival is recorded; record the arrival first")
        assert visit.arrived_at is not None
        if at < visit.arrived_at:
            raise ValidationError("departed_at", "is before the arrival; check the time")
        visit.departed_at = at
        return visit


def record_diagnosis(
    db: Db,
    job_id: uuid.UUID,
    *,
    symptoms: str,
    cause: str = "",
    fault_code: str = "",
    checks_done: str = "",
) -> Diagnosis:
    """One diagnosis per job is kept current: recording again updates it field by field."""
    fields = {
        "symptoms": validate.text("symptoms", symptoms, max_len=validate.LONG),
        "cause": validate.text("cause", cause, max_len=validate.LONG),
        "fault_code": validate.text("fault_code", fault_code, max_len=validate.CODE),
        "checks_done": validate.text("checks_done", checks_done, max_len=validate.LONG),
    }
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        to_on_site(job)
        diagnosis = session.scalar(select(Diagnosis).where(Diagnosis.job_id == job.id).limit(1))
        if diagnosis is None:
            diagnosis = Diagnosis(job_id=job.id, **fields)
            session.add(diagnosis)
        else:
            for key, value in fields.items():
                if getattr(diagnosis, key) != value:
                    setattr(diagnosis, key, value)
        return diagnosis


def add_advice(db: Db, job_id: uuid.UUID, text: str) -> AdviceNote:
    body = validate.text("advice", text, max_len=validate.LONG, required=True)
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        note = AdviceNote(job_id=job.id, text=body)
        session.add(note)
        return note


def record_work_done(db: Db, job_id: uuid.UUID, text: str) -> Job:
    """The repair actions taken, in the technician's words, as the slip prints them."""
    body = validate.text("work_done", text, max_len=validate.LONG)
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        to_on_site(job)
        if job.work_done != body:
            job.work_done = body
        return job

"""Database work of the take-back wizard and the return dialog, run on the database worker."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from fieldtech.documents import build
from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import NotFoundError
from fieldtech.models import PickupReceipt, Technician
from fieldtech.usecases import device
from fieldtech.usecases.common import Db, load_job
from fieldtech.usecases.documents import company_settings
from fieldtech.usecases.photos import PhotoRef
from fieldtech.usecases.workshop import (
    RETURN_WITHIN_WORKING_DAYS,
    Ink,
    return_item,
    take_item_back,
)
from ui.workshop.drafts import Values, drop_form_draft, load_form_draft

PICKUP_FORM = "pickup"
RETURN_FORM = "return"


@dataclass(frozen=True)
class PickupContext:
    job_id: uuid.UUID
    ticket: str
    status: JobStatus
    customer_name: str
    item: str
    technician_name: str
    today: dt.date
    promised_return_date: dt.date
    draft: Values | None


@dataclass(frozen=True)
class ReturnContext:
    job_id: uuid.UUID
    pickup_id: uuid.UUID
    ticket: str
    pickup_number: str
    taken_at: dt.datetime
    promised_return_date: dt.date
    condition: str
    accessories: tuple[str, ...]
    customer_name: str
    item: str
    draft: Values | None


def _company_today(read_db: Db) -> tuple[dt.date, Any]:
    with read_db() as session:
        settings = company_settings(session)
    today = dt.datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    return today, settings.calendar()


def _item_text(brand: str, model: str, serial: str) -> str:
    name = " ".join(part for part in (brand, model) if part)
    return f"{name} · {serial}" if serial else name


def pickup_context(read_db: Db, job_id: uuid.UUID) -> PickupContext:
    """What the wizard shows: the job, who signs, and the date promised from the company calendar."""
    today, calendar = _company_today(read_db)
    with read_db() as session:
        job = load_job(session, job_id)
        tech_id = device.technician_id(session)
        tech = session.get(Technician, tech_id) if tech_id else None
        item = job.item
        context = PickupContext(
            job_id=job.id,
            ticket=job.ticket_number,
            status=job.status,
            customer_name=job.customer.name,
            item=_item_text(item.brand, item.model, item.serial) if item else "",
            technician_name=tech.display_name if tech else "",
            today=today,
            promised_return_date=calendar.add_working_days(today, RETURN_WITHIN_WORKING_DAYS),
            draft=None,
        )
    return replace(context, draft=load_form_draft(read_db, PICKUP_FORM, job_id))


def _ink(values: Values, name: str) -> Ink | None:
    strokes = values.get(f"{name}_strokes")
    png = values.get(f"{name}_png")
    if not strokes or not isinstance(png, bytes):
        return None
    return Ink(strokes=strokes, png=png)


def issue_pickup(db: Db, job_id: uuid.UUID, values: Values) -> str:
    """Take the item back against the signed receipt; the draft goes once the receipt exists."""
    today, calendar = _company_today(db)
    photos = [PhotoRef(**p) for p in values.get("photos", [])]
    accessories = [
        line.strip() for line in str(values.get("accessories", "")).splitlines() if line.strip()
    ]
    receipt = take_item_back(
        db,
        job_id,
        condition=str(values.get("condition", "")),
        accessories=accessories,
        reason=str(values.get("reason", "")),
        calendar=calendar,
        today=today,
        customer_name=str(values.get("customer_name", "")),
        technician_name=str(values.get("technician_name", "")),
        photos=photos,
        customer_ink=_ink(values, "customer"),
        technician_ink=_ink(values, "technician"),
    )
    drop_form_draft(db, PICKUP_FORM, job_id)
    return receipt.receipt_number


def return_context(read_db: Db, job_id: uuid.UUID) -> ReturnContext:
    with read_db() as session:
        job = load_job(session, job_id)
        pickup = session.get(PickupReceipt, build.latest_pickup_for_job(session, job_id))
        if pickup is None:
            raise NotFoundError("job: its pickup receipt is no longer on this laptop; sync first")
        item = job.item
        context = ReturnContext(
            job_id=job.id,
            pickup_id=pickup.id,
            ticket=job.ticket_number,
            pickup_number=pickup.receipt_number,
            taken_at=pickup.taken_at,
            promised_return_date=pickup.promised_return_date,
            condition=pickup.condition,
            accessories=tuple(str(a) for a in pickup.accessories),
            customer_name=job.customer.name,
            item=_item_text(item.brand, item.model, item.serial) if item else "",
            draft=None,
        )
    return replace(context, draft=load_form_draft(read_db, RETURN_FORM, job_id))


def issue_return(db: Db, job_id: uuid.UUID, pickup_id: uuid.UUID, values: Values) -> str:
    receipt = return_item(
        db,
        pickup_id,
        work_done=str(values.get("work_done", "")),
        condition_on_return=str(values.get("condition_on_return", "")),
        charges_total=str(values.get("charges_total", "")).strip() or Decimal("0.00"),
        customer_name=str(values.get("customer_name", "")),
        customer_ink=_ink(values, "customer"),
    )
    drop_form_draft(db, RETURN_FORM, job_id)
    return receipt.receipt_number


def unfinished_forms(read_db: Db, job_id: uuid.UUID) -> frozenset[str]:
    """Which receipts of this job were started and not signed yet (their drafts are kept)."""
    return frozenset(
        form
        for form in (PICKUP_FORM, RETURN_FORM)
        if load_form_draft(read_db, form, job_id) is not None
    )

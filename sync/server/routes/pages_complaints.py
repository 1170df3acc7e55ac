"""Dashboard pages for complaints: the filtered list with status changes, and recording one."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import partial
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import ComplaintConcern, ComplaintRoute, ComplaintStatus
from fieldtech.domain.errors import FieldTechError, ValidationError
from fieldtech.models import Complaint, Customer, Job
from sync.server import complaints
from sync.server.deps import SessionDep, SettingsDep
from sync.server.office_days import local_text
from sync.server.routes.pages_jobs import _choice
from sync.server.routes.pages_params import optional_id, page_number
from sync.server.schemas.office import ComplaintCreate
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
# Where the API names a field the form calls something else.
FORM_FIELD = {"job_id": "ticket_number", "customer_id": "phone"}
CHOICES = {
    "concerns": list(ComplaintConcern),
    "routes": list(ComplaintRoute),
    "states": list(ComplaintStatus),
    "route_of": complaints.ROUTE_OF,
    "route_days": {route: span.days for route, span in complaints.ROUTE_DEADLINE.items()},
}


@router.get("/complaints", response_class=HTMLResponse)
def complaints_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    settings: SettingsDep,
    complaint_status: str = "",
    route: str = "",
    concern: str = "",
    overdue: str = "",
    page: str = "1",
    saved: str = "",
) -> HTMLResponse:
    """A plain GET form: empty or unknown choices mean any."""
    number, done_id = page_number(page), optional_id(saved)
    where = complaints.ComplaintFilter(
        status=_choice(ComplaintStatus, complaint_status),
        route=_choice(ComplaintRoute, route),
        concern=_choice(ComplaintConcern, concern),
        overdue=overdue == "1",
    )
    rows, total = complaints.list_complaints(session, where, number, PAGE_SIZE)
    done = session.get(Complaint, done_id) if done_id else None
    query = {
        "complaint_status": where.status.value if where.status else "",
        "route": where.route.value if where.route else "",
        "concern": where.concern.value if where.concern else "",
        "overdue": "1" if where.overdue else "",
    }
    context: dict[str, Any] = {
        "complaints": rows,
        "total": total,
        "page": number,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "query": query,
        "saved": complaints.complaint_public(session, done) if done else None,
        "problem": request.query_params.get("problem", "")[:200],
        "local": partial(local_text, timezone=settings.timezone),
        **CHOICES,
    }
    return render(request, "complaints.html", context, who=who)


def _form_page(
    request: Request,
    who: Staff,
    form: dict[str, str],
    errors: dict[str, str],
    timezone: str,
    status_code: int = 200,
) -> HTMLResponse:
    context = {"form": form, "errors": errors, "timezone": timezone, **CHOICES}
    return render(request, "complaint_form.html", context, who=who, status_code=status_code)


@router.get("/complaints/new", response_class=HTMLResponse)
def complaint_form(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep, job_id: str = ""
) -> HTMLResponse:
    form = {"concern": ComplaintConcern.PRODUCT_QUALITY.value}
    try:
        job = session.get(Job, uuid.UUID(job_id)) if job_id else None
    except ValueError:
        job = None
    if job is not None:
        form["ticket_number"] = job.ticket_number
    return _form_page(request, who, form, {}, settings.timezone)


def _local_time(form: dict[str, str], name: str, timezone: str) -> dt.datetime | str | None:
    """A `datetime-local` field read in the office's zone; empty means the default."""
    text = form.get(name, "").strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(timezone))
    except ValueError:
        return text


def _who_complains(session: Session, form: dict[str, str]) -> dict[str, uuid.UUID]:
    ticket = form.get("ticket_number", "").strip()
    phone = form.get("phone", "").strip()
    for name, text in (("ticket_number", ticket), ("phone", phone)):
        if "\x00" in text:
            raise ValidationError(name, "the text contains a NUL character; remove it")
    if ticket:
        job_id = session.scalar(select(Job.id).where(Job.ticket_number == ticket[:16]))
        if job_id is None:
            raise ValidationError("ticket_number", "no job has this ticket number")
        return {"job_id": job_id}
    if phone:
        found = session.scalars(select(Customer.id).where(Customer.phone == phone[:40])).all()
        if not found:
            raise ValidationError("phone", "no customer on file has this phone number")
        if len(found) > 1:
            raise ValidationError("phone", "several customers have this phone; give the ticket")
        return {"customer_id": found[0]}
    raise ValidationError("ticket_number", "give the ticket number or the customer's phone")


@router.post("/complaints/new", response_class=HTMLResponse)
async def record(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> Response:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    errors: dict[str, str] = {}
    try:
        body = ComplaintCreate.model_validate(
            {
                **_who_complains(session, form),
                "concern": form.get("concern", ""),
                "owner": form.get("owner", ""),
                "description": form.get("description", ""),
                "deadline": _local_time(form, "deadline", settings.timezone),
                "promised_reply_at": _local_time(form, "promised_reply_at", settings.timezone),
            }
        )
        complaint = complaints.record_complaint(session, who, body)
    except pydantic.ValidationError as invalid:
        for error in invalid.errors():
            name = str(error["loc"][-1]) if error["loc"] else "form"
            errors[FORM_FIELD.get(name, name)] = error["msg"].removeprefix("Value error, ")
    except ValidationError as refused:
        errors = {FORM_FIELD.get(refused.field, refused.field): refused.reason}
    if errors:
        session.rollback()
        code = status.HTTP_422_UNPROCESSABLE_CONTENT
        return _form_page(request, who, form, errors, settings.timezone, code)
    session.commit()
    return RedirectResponse(
        f"/complaints?saved={complaint.id}", status_code=status.HTTP_303_SEE_OTHER
    )


@router.post("/complaints/{complaint_id}/status", response_class=HTMLResponse)
async def change_status(
    request: Request, who: Staff, session: SessionDep, complaint_id: uuid.UUID
) -> Response:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    chosen = _choice(ComplaintStatus, form.get("status", ""))
    try:
        if chosen is None:
            raise ValidationError("status", "choose open, replied or closed")
        complaints.change_status(session, who, complaint_id, chosen, "")
    except FieldTechError as refused:
        session.rollback()
        return RedirectResponse(
            f"/complaints?problem={quote(refused.message[:200])}",
            status_code=status.HTTP_303_SEE_OTHER,
        )
    session.commit()
    return RedirectResponse("/complaints", status_code=status.HTTP_303_SEE_OTHER)

"""Dashboard page of one job: everything recorded on it, and the form that assigns it."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from zoneinfo import ZoneInfo

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from fieldtech.domain.errors import FieldTechError, NotFoundError
from fieldtech.models import Job
from sync.server.deps import SessionDep, SettingsDep
from sync.server.job_detail import job_detail
from sync.server.job_queries import technicians
from sync.server.job_writes import EditConflictError, assign_job
from sync.server.schemas.jobs import JobAssign
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)


def _page(
    request: Request,
    who: Staff,
    session: Session,
    job_id: uuid.UUID,
    timezone: str,
    form: dict[str, str] | None = None,
    problem: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFoundError(f"job {job_id}: no such job")
    detail = job_detail(session, job)
    local = ZoneInfo(timezone)
    start = detail.job.appointment_start.astimezone(local) if detail.job.appointment_start else None
    end = detail.job.appointment_end.astimezone(local) if detail.job.appointment_end else None
    defaults = {
        "technician_id": str(detail.job.technician_id or ""),
        "day": start.date().isoformat() if start else "",
        "start": start.strftime("%H:%M") if start else "09:00",
        "end": end.strftime("%H:%M") if end else "11:00",
    }
    context: dict[str, Any] = {
        "detail": detail,
        "technicians": technicians(session),
        "form": form or defaults,
        "problem": problem,
        "timezone": timezone,
    }
    return render(request, "job.html", context, who=who, status_code=status_code)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep, job_id: uuid.UUID
) -> HTMLResponse:
    return _page(request, who, session, job_id, settings.timezone)


def _local(day: str, clock: str, timezone: str) -> dt.datetime | str:
    """A date and a time of day typed in the office's time zone; text if unreadable."""
    try:
        moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock))
    except ValueError:
        return f"{day} {clock}"
    return moment.replace(tzinfo=ZoneInfo(timezone))


@router.post("/jobs/{job_id}/assign", response_class=HTMLResponse)
async def assign(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep, job_id: uuid.UUID
) -> Response:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    problem = ""
    try:
        body = JobAssign.model_validate(
            {
                "expected_updated_at": form.get("expected_updated_at", ""),
                "technician_id": form.get("technician_id", ""),
                "appointment_start": _local(
                    form.get("day", ""), form.get("start", ""), settings.timezone
                ),
                "appointment_end": _local(
                    form.get("day", ""), form.get("end", ""), settings.timezone
                ),
            }
        )
        assign_job(session, who, job_id, body)
    except pydantic.ValidationError as invalid:
        first = invalid.errors()[0]
        problem = f"{first['loc'][-1]}: {first['msg'].removeprefix('Value error, ')}"
        code = status.HTTP_422_UNPROCESSABLE_CONTENT
    except EditConflictError as conflict:
        problem = f"{conflict}; nothing was saved: this is the job as it is now"
        code = status.HTTP_409_CONFLICT
    except FieldTechError as refused:
        problem = refused.message
        code = status.HTTP_422_UNPROCESSABLE_CONTENT
    if problem:
        session.rollback()
        return _page(request, who, session, job_id, settings.timezone, form, problem, code)
    session.commit()
    return RedirectResponse(f"/jobs/{job_id}", status_code=status.HTTP_303_SEE_OTHER)

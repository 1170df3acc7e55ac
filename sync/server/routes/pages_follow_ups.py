"""Dashboard pages for follow-up calls: the call list, recording a call, handling escalations."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import partial
from typing import Any

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from fieldtech.domain.enums import FollowUpKind
from fieldtech.domain.errors import FieldTechError, ValidationError
from fieldtech.models import FollowUp, Job
from sync.server import follow_ups
from sync.server.deps import SessionDep, SettingsDep
from sync.server.job_queries import job_public, supervisor_queue
from sync.server.models import Role
from sync.server.office_days import local_text, today
from sync.server.routes.follow_ups import check_day
from sync.server.routes.pages_params import optional_id, page_number
from sync.server.schemas.office import FollowUpCreate
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)


def _day(text: str, timezone: str) -> tuple[dt.date, str]:
    """The `due_by` typed in the form, or today with the reason it was not used."""
    if not text:
        return today(timezone), ""
    try:
        return check_day("due_by", dt.date.fromisoformat(text)), ""
    except ValueError:
        return today(timezone), "due_by: type a date as YYYY-MM-DD"
    except ValidationError as refused:
        return today(timezone), refused.message


@router.get("/follow-ups", response_class=HTMLResponse)
def call_list_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    settings: SettingsDep,
    due_by: str = "",
    page: str = "1",
    saved: str = "",
) -> HTMLResponse:
    day, problem = _day(due_by[:20], settings.timezone)
    number, done_id = page_number(page), optional_id(saved)
    calls, total = follow_ups.call_list(session, day, settings.timezone, number, PAGE_SIZE)
    done = session.get(FollowUp, done_id) if done_id else None
    context: dict[str, Any] = {
        "calls": calls,
        "total": f"{follow_ups.COUNT_CAP:,}+" if total > follow_ups.COUNT_CAP else total,
        "page": number,
        "pages": max(1, -(-min(total, follow_ups.COUNT_CAP) // PAGE_SIZE)),
        "due_by": day,
        "problem": problem,
        "saved": follow_ups.follow_up_public(session, done) if done else None,
        "local": partial(local_text, timezone=settings.timezone),
    }
    return render(request, "follow_ups.html", context, who=who)


def _form_page(
    request: Request,
    who: Staff,
    session: Session,
    form: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    try:
        job = session.get(Job, uuid.UUID(form.get("job_id", "")))
    except ValueError:
        job = None
    if job is None:
        return render(
            request,
            "follow_up_form.html",
            {"job": None, "form": form, "errors": errors},
            who=who,
            status_code=status.HTTP_404_NOT_FOUND,
        )
    context = {
        "job": job_public(job),
        "form": form,
        "errors": errors,
        "kinds": list(FollowUpKind),
    }
    return render(request, "follow_up_form.html", context, who=who, status_code=status_code)


@router.get("/follow-ups/record", response_class=HTMLResponse)
def record_form(
    request: Request, who: Staff, session: SessionDep, job_id: str = "", kind: str = ""
) -> HTMLResponse:
    form = {"job_id": job_id[:40], "kind": kind[:20] or FollowUpKind.SATISFACTION.value}
    return _form_page(request, who, session, form, {})


@router.post("/follow-ups/record", response_class=HTMLResponse)
async def record(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> Response:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    errors: dict[str, str] = {}
    try:
        body = FollowUpCreate.model_validate(
            {
                "job_id": form.get("job_id", ""),
                "kind": form.get("kind", ""),
                "rating": form.get("rating") or None,
                "notes": form.get("notes", ""),
            }
        )
        follow_up = follow_ups.record_follow_up(session, who, body, settings.timezone)
    except pydantic.ValidationError as invalid:
        errors = {
            str(e["loc"][-1]): e["msg"].removeprefix("Value error, ") for e in invalid.errors()
        }
    except ValidationError as refused:
        errors = {refused.field: refused.reason}
    if errors:
        session.rollback()
        if "rating" in errors and not form.get("rating"):
            errors["rating"] = "choose a rating from 1 to 5"
        return _form_page(
            request, who, session, form, errors, status.HTTP_422_UNPROCESSABLE_CONTENT
        )
    session.commit()
    return RedirectResponse(
        f"/follow-ups?saved={follow_up.id}", status_code=status.HTTP_303_SEE_OTHER
    )


def escalation_context(session: Session, who: Staff, timezone: str) -> dict[str, Any]:
    """What the supervisor's queue page shows of the poor ratings waiting for a supervisor."""
    return {
        "escalations": [
            follow_ups.follow_up_public(session, row) for row in follow_ups.escalations(session)
        ],
        "may_resolve": who.role in SUPERVISORS,
        "local": partial(local_text, timezone=timezone),
    }


@router.post("/follow-ups/{follow_up_id}/resolve", response_class=HTMLResponse)
async def resolve(
    request: Request,
    who: Staff,
    session: SessionDep,
    settings: SettingsDep,
    follow_up_id: uuid.UUID,
) -> Response:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    note = form.get("note", "").strip()[:4000]
    problem = ""
    if who.role not in SUPERVISORS:
        problem, code = "only a supervisor marks a poor rating handled", status.HTTP_403_FORBIDDEN
    elif not note:
        problem, code = "note: say what was done", status.HTTP_422_UNPROCESSABLE_CONTENT
    elif "\x00" in note:
        problem = "note: the text contains a NUL character; remove it"
        code = status.HTTP_422_UNPROCESSABLE_CONTENT
    else:
        try:
            follow_ups.resolve_escalation(session, who, follow_up_id, note)
        except FieldTechError as refused:
            problem, code = refused.message, status.HTTP_422_UNPROCESSABLE_CONTENT
    if problem:
        session.rollback()
        context = {
            "jobs": [job_public(job) for job in supervisor_queue(session)],
            "problem": problem,
            **escalation_context(session, who, settings.timezone),
        }
        return render(request, "queue.html", context, who=who, status_code=code)
    session.commit()
    return RedirectResponse("/queue", status_code=status.HTTP_303_SEE_OTHER)

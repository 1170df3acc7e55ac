"""Dashboard assignment board: waiting jobs, technicians by day, clocks, assign and reassign."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldtech.domain.errors import FieldTechError
from fieldtech.models import utcnow
from sync.server.auth import Principal
from sync.server.board_queries import MAX_DAYS, assignment_board
from sync.server.deps import SessionDep, SettingsDep
from sync.server.job_writes import EditConflictError, assign_job, record_first_response
from sync.server.office_company import office_calendar
from sync.server.schemas.jobs import JobAssign
from sync.server.settings import Settings
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)

DEFAULT_DAYS = 3
FORM_FIELDS = ("technician_id", "day", "start", "end")


class _DamagedFormError(Exception):
    """A hidden field of the form is missing or altered."""


def _day(text: str) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if dt.date(2000, 1, 1) <= day <= dt.date(2099, 12, 31) else None


def _days(text: str) -> int:
    return max(1, min(int(text), MAX_DAYS)) if text.isdigit() and len(text) < 4 else DEFAULT_DAYS


def _board_page(
    request: Request,
    who: Principal,
    session: SessionDep,
    settings: Settings,
    start: dt.date | None,
    days: int,
    problem: tuple[str, str] | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    calendar = office_calendar(session, settings)
    zone = ZoneInfo(calendar.timezone)
    now = utcnow()
    today = now.astimezone(zone).date()
    first = start or today
    board = assignment_board(session, calendar, first, days, now)
    cells = {(c.technician_id, c.day): c.jobs for c in board.cells}

    def local(moment: dt.datetime | None, pattern: str = "%H:%M") -> str:
        return moment.astimezone(zone).strftime(pattern) if moment else ""

    step = dt.timedelta(days=days)
    context: dict[str, Any] = {
        "board": board,
        "cells": cells,
        "local": local,
        "today": today,
        "days_shown": days,
        "here": urlencode({"start": first.isoformat(), "days": days}),
        "earlier": urlencode({"start": (first - step).isoformat(), "days": days}),
        "later": urlencode({"start": (first + step).isoformat(), "days": days}),
        "problem": problem,
        "form": form or {},
        "working_hours": f"{calendar.opening:%H:%M}–{calendar.closing:%H:%M}",
    }
    return render(request, "board.html", context, who=who, status_code=status_code)


@router.get("/board", response_class=HTMLResponse)
def board_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    settings: SettingsDep,
    start: str = "",
    days: str = "",
) -> HTMLResponse:
    """Unreadable `start` or `days` (a hand-edited address) fall back to today and three days."""
    return _board_page(request, who, session, settings, _day(start), _days(days))


def _local(day: str, clock: str, timezone: str) -> dt.datetime | str:
    """A date and a time of day typed in the office's time zone; text if unreadable."""
    try:
        moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock))
    except ValueError:
        return f"{day} {clock}"
    return moment.replace(tzinfo=ZoneInfo(timezone))


def _back(form: dict[str, str]) -> str:
    return "/board?" + urlencode(
        {"start": form.get("board_start", ""), "days": form.get("board_days", "")}
    )


async def _form(request: Request, who: Principal) -> dict[str, str]:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    return form


def _job_id(form: dict[str, str]) -> uuid.UUID | None:
    try:
        return uuid.UUID(form.get("job_id", ""))
    except ValueError:
        return None


@router.post("/board/assign", response_class=HTMLResponse)
async def assign(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> Response:
    form = await _form(request, who)
    job_id = _job_id(form)
    problem = "" if job_id else "job_id: the form is damaged; reload the page"
    code = status.HTTP_422_UNPROCESSABLE_CONTENT
    try:
        if job_id is None:
            raise _DamagedFormError
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
    except _DamagedFormError:
        pass
    except EditConflictError as conflict:
        problem = f"{conflict}; nothing was saved: the board shows the job as it is now"
        code = status.HTTP_409_CONFLICT
    except FieldTechError as refused:
        problem = refused.message
    if problem:
        session.rollback()
        shown = {key: form.get(key, "") for key in FORM_FIELDS}
        return _board_page(
            request,
            who,
            session,
            settings,
            _day(form.get("board_start", "")),
            _days(form.get("board_days", "")),
            (form.get("job_id", ""), problem),
            shown,
            code,
        )
    session.commit()
    return RedirectResponse(_back(form), status_code=status.HTTP_303_SEE_OTHER)


@router.post("/board/first-response", response_class=HTMLResponse)
async def first_response(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> Response:
    """Staff called the customer back: the first-response clock stops."""
    form = await _form(request, who)
    job_id = _job_id(form)
    problem = ""
    code = status.HTTP_422_UNPROCESSABLE_CONTENT
    try:
        expected = dt.datetime.fromisoformat(form.get("expected_updated_at", ""))
        if job_id is None or expected.tzinfo is None:
            raise ValueError
        record_first_response(session, who, job_id, expected)
    except ValueError:
        problem = "job_id: the form is damaged; reload the page"
    except EditConflictError as conflict:
        problem = f"{conflict}; nothing was saved: the board shows the job as it is now"
        code = status.HTTP_409_CONFLICT
    except FieldTechError as refused:
        problem = refused.message
    if problem:
        session.rollback()
        return _board_page(
            request,
            who,
            session,
            settings,
            _day(form.get("board_start", "")),
            _days(form.get("board_days", "")),
            (form.get("job_id", ""), problem),
            status_code=code,
        )
    session.commit()
    return RedirectResponse(_back(form), status_code=status.HTTP_303_SEE_OTHER)

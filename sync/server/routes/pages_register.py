"""Dashboard repair register: items held with overdue flags, recording movements, printing."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fieldtech.domain.enums import MovementKind
from fieldtech.domain.errors import FieldTechError
from sync.server.auth import Principal
from sync.server.deps import SessionDep, SettingsDep
from sync.server.office_company import office_calendar
from sync.server.office_days import today as office_today
from sync.server.register_queries import RegisterFilter, RegisterSort, list_register
from sync.server.register_writes import (
    MovementConflictError,
    record_movement,
    return_at_counter,
)
from sync.server.schemas.register import CounterReturn, MovementCreate
from sync.server.settings import Settings
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
VIEWS = ("held", "overdue", "all")
QUERY_FIELDS = ("q", "view", "state", "sort", "page")


def _query(values: dict[str, str]) -> dict[str, str]:
    """The page's filters from a plain GET form or the hidden fields of a movement form;
    anything unknown falls back to the default."""
    view = values.get("view", "")
    state = values.get("state", "")
    sort = values.get("sort", "")
    page = values.get("page", "")
    return {
        "q": values.get("q", "")[:200],
        "view": view if view in VIEWS else "held",
        "state": state if state in {k.value for k in MovementKind} else "",
        "sort": sort if sort in {s.value for s in RegisterSort} else RegisterSort.PROMISED.value,
        "page": str(max(1, min(int(page), 100_000))) if page.isdigit() and len(page) < 7 else "1",
    }


def _register_page(
    request: Request,
    who: Principal,
    session: SessionDep,
    settings: Settings,
    query: dict[str, str],
    problem: tuple[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    calendar = office_calendar(session, settings)
    today = office_today(calendar.timezone)
    where = RegisterFilter(
        q=query["q"],
        state=MovementKind(query["state"]) if query["state"] else None,
        held=query["view"] == "held",
        overdue=query["view"] == "overdue",
        sort=RegisterSort(query["sort"]),
    )
    page = int(query["page"])
    rows, total = list_register(session, where, calendar, today, page, PAGE_SIZE)
    api_filter = {"q": where.q, "sort": where.sort.value}
    if where.state:
        api_filter["state"] = where.state.value
    if where.held or where.overdue:
        api_filter["held" if where.held else "overdue"] = "true"
    zone = ZoneInfo(calendar.timezone)

    def local(moment: dt.datetime, pattern: str) -> str:
        return moment.astimezone(zone).strftime(pattern)

    context: dict[str, Any] = {
        "rows": rows,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / PAGE_SIZE)),
        "query": query,
        "here": urlencode(query),
        "csv": urlencode(api_filter),
        "today": today,
        "timezone": calendar.timezone,
        "local": local,
        "views": VIEWS,
        "kinds": list(MovementKind),
        "sorts": list(RegisterSort),
        "problem": problem,
    }
    return render(request, "register.html", context, who=who, status_code=status_code)


@router.get("/register", response_class=HTMLResponse)
def register_page(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> HTMLResponse:
    query = _query(dict(request.query_params))
    return _register_page(request, who, session, settings, query)


async def _form(request: Request, who: Principal) -> dict[str, str]:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    return form


def _problem(error: Exception) -> tuple[str, int]:
    """What the clerk reads when a form is refused, and the status it is answered with."""
    if isinstance(error, pydantic.ValidationError):
        first = error.errors()[0]
        return f"{first['loc'][-1]}: {first['msg'].removeprefix('Value error, ')}", 422
    if isinstance(error, MovementConflictError):
        return f"{error}; nothing was saved: the register shows the item as it is now", 409
    if isinstance(error, FieldTechError):
        return error.message, 422
    return "pickup_id: the form is damaged; reload the page", 422


async def _write(
    request: Request,
    who: Principal,
    session: SessionDep,
    settings: Settings,
    write: Callable[[dict[str, str], uuid.UUID], object],
) -> Response:
    form = await _form(request, who)
    query = _query({key: form.get(f"back_{key}", "") for key in QUERY_FIELDS})
    pickup = form.get("pickup_id", "")
    try:
        write(form, uuid.UUID(pickup))
    except (ValueError, FieldTechError, MovementConflictError) as refused:
        session.rollback()
        problem, code = _problem(refused)
        return _register_page(request, who, session, settings, query, (pickup, problem), code)
    session.commit()
    return RedirectResponse(f"/register?{urlencode(query)}", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/register/movements", response_class=HTMLResponse)
async def add_movement(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> Response:
    def write(form: dict[str, str], pickup_id: uuid.UUID) -> object:
        body = MovementCreate.model_validate(
            {
                "kind": form.get("kind", ""),
                "note": form.get("note", ""),
                "expected_last_movement_id": form.get("expected_last_movement_id") or None,
            }
        )
        return record_movement(session, who, pickup_id, body)

    return await _write(request, who, session, settings, write)


@router.post("/register/returns", response_class=HTMLResponse)
async def return_at_the_counter(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> Response:
    """The customer collects the item: a return receipt to print and sign, the item returned."""

    def write(form: dict[str, str], pickup_id: uuid.UUID) -> object:
        body = CounterReturn.model_validate(
            {
                "work_done": form.get("work_done", ""),
                "condition_on_return": form.get("condition_on_return", ""),
                "charges_total": form.get("charges_total", "") or "0.00",
                "customer_name": form.get("customer_name", ""),
                "expected_last_movement_id": form.get("expected_last_movement_id") or None,
            }
        )
        return return_at_counter(session, who, settings, pickup_id, body)

    return await _write(request, who, session, settings, write)

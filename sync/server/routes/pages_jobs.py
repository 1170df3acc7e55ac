"""Dashboard pages for intake (the big ticket number) and the jobs list."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, TypeVar

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse

from fieldtech.domain.enums import SUB_CATEGORIES, Channel, JobCategory, JobStatus, Urgency
from fieldtech.domain.errors import ValidationError
from sync.server.deps import SessionDep, SettingsDep
from sync.server.job_queries import JobFilter, JobSort, job_public, list_jobs, supervisor_queue
from sync.server.job_writes import create_job
from sync.server.schemas.jobs import JobCreate
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)
E = TypeVar("E", bound=StrEnum)

PAGE_SIZE = 25
CUSTOMER_FIELDS = {"name": "customer_name", "phone": "phone", "address": "address"}
ITEM_FIELDS = ("brand", "model", "serial", "purchase_date")
CHOICES = {
    "channels": list(Channel),
    "categories": list(JobCategory),
    "urgencies": list(Urgency),
    "statuses": list(JobStatus),
    "sub_categories": SUB_CATEGORIES,
}


def _body(form: dict[str, str]) -> dict[str, Any]:
    """Form fields as the JSON body of POST /api/v1/jobs, so both share one validation."""
    item = {name: form.get(name, "") for name in ITEM_FIELDS}
    if not item["purchase_date"]:
        item.pop("purchase_date")
    return {
        "customer": {key: form.get(name, "") for key, name in CUSTOMER_FIELDS.items()},
        "item": item if any(item.values()) else None,
        **{
            name: form.get(name, "")
            for name in ("fault_description", "channel", "category", "sub_category", "urgency")
        },
        "preferred_time": form.get("preferred_time", ""),
    }


def _field(location: tuple[int | str, ...]) -> str:
    if len(location) >= 2 and location[0] == "customer":
        return CUSTOMER_FIELDS.get(str(location[1]), str(location[1]))
    return str(location[-1]) if location else "form"


def _intake_page(
    request: Request, who: Staff, form: dict[str, str], errors: dict[str, str], code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "intake.html",
        {"form": form, "errors": errors, **CHOICES},
        who=who,
        status_code=code,
    )


@router.get("/intake", response_class=HTMLResponse)
def intake_form(request: Request, who: Staff) -> HTMLResponse:
    defaults = {"channel": "phone", "category": "product_fault", "urgency": "normal"}
    return _intake_page(request, who, defaults, {})


@router.post("/intake", response_class=HTMLResponse)
async def intake(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> HTMLResponse:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    errors: dict[str, str] = {}
    try:
        body = JobCreate.model_validate(_body(form))
        job = create_job(session, who, body, settings.timezone)
    except pydantic.ValidationError as invalid:
        errors = {
            _field(e["loc"]): e["msg"].removeprefix("Value error, ") for e in invalid.errors()
        }
    except ValidationError as refused:
        errors = {_field(tuple(refused.field.split("."))): refused.reason}
    if errors:
        session.rollback()
        return _intake_page(request, who, form, errors, status.HTTP_422_UNPROCESSABLE_CONTENT)
    session.commit()
    session.refresh(job)
    return render(request, "intake_done.html", {"job": job_public(job)}, who=who, status_code=201)


def _choice(enum: type[E], value: str) -> E | None:
    try:
        return enum(value) if value else None
    except ValueError:
        return None


@router.get("/jobs", response_class=HTMLResponse)
def jobs_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    settings: SettingsDep,
    q: str = "",
    job_status: str = "",
    category: str = "",
    urgency: str = "",
    page: int = 1,
) -> HTMLResponse:
    """A plain GET form sends every filter, empty ones as ""; those (and unknown codes) mean any."""
    page = max(1, min(page, 100_000))
    chosen_status = _choice(JobStatus, job_status)
    where = JobFilter(
        q=q[:200],
        statuses=(chosen_status,) if chosen_status else (),
        category=_choice(JobCategory, category),
        urgency=_choice(Urgency, urgency),
        sort=JobSort.NEWEST,
    )
    rows, total = list_jobs(session, who, where, settings.timezone, page, PAGE_SIZE)
    query = {
        "q": where.q,
        "job_status": chosen_status.value if chosen_status else "",
        "category": where.category.value if where.category else "",
        "urgency": where.urgency.value if where.urgency else "",
    }
    return render(
        request,
        "jobs.html",
        {
            "jobs": [job_public(job) for job in rows],
            "total": total,
            "page": page,
            "pages": max(1, math.ceil(total / PAGE_SIZE)),
            "query": query,
            **CHOICES,
        },
        who=who,
    )


@router.get("/queue", response_class=HTMLResponse)
def supervisor_page(request: Request, who: Staff, session: SessionDep) -> HTMLResponse:
    """Open major cases, oldest first: what a supervisor must look at today."""
    jobs = [job_public(job) for job in supervisor_queue(session)]
    return render(request, "queue.html", {"jobs": jobs}, who=who)

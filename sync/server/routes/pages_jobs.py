"""Dashboard pages listing jobs: the filtered jobs list and the supervisor's queue."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fieldtech.domain.enums import SUB_CATEGORIES, Channel, JobCategory, JobStatus, Urgency
from sync.server.deps import SessionDep, SettingsDep
from sync.server.job_queries import (
    COUNT_CAP,
    JobFilter,
    JobSort,
    job_public,
    list_jobs,
    supervisor_queue,
)
from sync.server.routes.pages_follow_ups import escalation_context
from sync.server.routes.pages_params import job_key, job_key_text, page_number
from sync.server.web import Staff, render

router = APIRouter(include_in_schema=False)
E = TypeVar("E", bound=StrEnum)

PAGE_SIZE = 25
CHOICES = {
    "channels": list(Channel),
    "categories": list(JobCategory),
    "urgencies": list(Urgency),
    "statuses": list(JobStatus),
    "sub_categories": SUB_CATEGORIES,
}


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
    page: str = "1",
    after: str = "",
) -> HTMLResponse:
    """A plain GET form sends every filter, empty ones as ""; those (and unknown codes) mean any.

    "Next" carries the last job's place (`after`), so a page deep in a big list costs what the
    first does; past the counted 1,000 the list goes on page by page.
    """
    number = page_number(page)
    chosen_status = _choice(JobStatus, job_status)
    where = JobFilter(
        q=q[:200],
        statuses=(chosen_status,) if chosen_status else (),
        category=_choice(JobCategory, category),
        urgency=_choice(Urgency, urgency),
        sort=JobSort.NEWEST,
    )
    key = job_key(after) if number > 1 else None
    rows, total = list_jobs(session, who, where, settings.timezone, number, PAGE_SIZE, key)
    pages = max(1, math.ceil(min(total, COUNT_CAP) / PAGE_SIZE))
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
            "total": f"{COUNT_CAP:,}+" if total > COUNT_CAP else total,
            "page": number,
            "pages": pages if total <= COUNT_CAP else f"{pages:,}+",
            "next_after": (
                job_key_text(rows[-1].created_at, rows[-1].id)
                if len(rows) == PAGE_SIZE and (number < pages or total > COUNT_CAP)
                else ""
            ),
            "query": query,
            **CHOICES,
        },
        who=who,
    )


@router.get("/queue", response_class=HTMLResponse)
def supervisor_page(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> HTMLResponse:
    """Open major cases, oldest first, and poor ratings: what a supervisor must look at today."""
    jobs = [job_public(job) for job in supervisor_queue(session)]
    context = {"jobs": jobs, **escalation_context(session, who, settings.timezone)}
    return render(request, "queue.html", context, who=who)

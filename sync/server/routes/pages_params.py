"""Values the dashboard reads from its addresses, leniently.

A page number or id in an address can be edited by hand or cut short when copied; a page answers
with its first page (or without the note the id was for) rather than with an English JSON error.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sync.server.job_queries import JobKey

LAST_PAGE = 100_000


def page_number(text: str) -> int:
    """`page=` as a number from 1 to LAST_PAGE; anything else is page 1."""
    try:
        number = int(text.strip() or "1")
    except ValueError:
        return 1
    return max(1, min(number, LAST_PAGE))


def optional_id(text: str) -> uuid.UUID | None:
    """An id from the address, or None when it is missing or not an id."""
    try:
        return uuid.UUID(text.strip()) if text.strip() else None
    except ValueError:
        return None


def job_key(text: str) -> JobKey | None:
    """`after=` as a job's place in the list (`<created_at ISO>_<id>`), or None if unreadable."""
    created, _, job_id = text.strip().partition("_")
    try:
        moment = dt.datetime.fromisoformat(created)
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC), uuid.UUID(job_id))
    except ValueError:
        return None


def job_key_text(created_at: dt.datetime, job_id: uuid.UUID) -> str:
    return f"{created_at.isoformat()}_{job_id}"

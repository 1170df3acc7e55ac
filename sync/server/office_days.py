"""The office's calendar: "today" and day boundaries follow the company's time zone, not UTC."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from fieldtech.models import utcnow


def today(timezone: str, now: dt.datetime | None = None) -> dt.date:
    return (now or utcnow()).astimezone(ZoneInfo(timezone)).date()


def day_start(day: dt.date, timezone: str) -> dt.datetime:
    """The UTC instant the office's `day` begins."""
    return dt.datetime.combine(day, dt.time(), ZoneInfo(timezone)).astimezone(dt.UTC)


def day_end(day: dt.date, timezone: str) -> dt.datetime:
    """The last instant of the office's `day` (one second before the next day starts)."""
    return day_start(day + dt.timedelta(days=1), timezone) - dt.timedelta(seconds=1)


def local_text(moment: dt.datetime | None, timezone: str) -> str:
    """A stored UTC time as office staff read it: their own zone, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")

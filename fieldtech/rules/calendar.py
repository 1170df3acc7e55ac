"""The working-day calendar behind every "working days" rule: weekends, public holidays, overrides.

Public holidays come from the `holidays` package (China by default). For China it also models
the adjusted working weekends (调休): a Saturday or Sunday the State Council turns into a working
day to bridge a holiday, such as Sunday 20 September 2026 before National Day. Those count as
working days here. The company's own overrides win over both: extra days off (a company outing)
and extra working days (a year whose official notice the package does not know yet).
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from dataclasses import dataclass

from fieldtech.domain.errors import ValidationError

MAX_NON_WORKING_RUN = 366
"""Give up when this many days in a row are off: the calendar's overrides must be wrong."""


@dataclass(frozen=True, slots=True)
class _Year:
    days_off: frozenset[dt.date]
    weekend_workdays: frozenset[dt.date]
    weekend: frozenset[int]


@functools.lru_cache(maxsize=128)
def _year(country: str, subdivision: str | None, year: int) -> _Year:
    """Holidays of one year; neighbouring years are loaded too because a notice can move a
    working day across New Year (the 2002 notice made 29 December 2001 a working day)."""
    import holidays  # its import builds every country's calendar: paid when a date is needed

    years = [y for y in (year - 1, year, year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=years)
    return _Year(
        days_off=frozenset(d for d in calendar if d.year == year),
        weekend_workdays=frozenset(d for d in calendar.weekend_workdays if d.year == year),
        weekend=frozenset(calendar.weekend),
    )


@functools.cache
def _supported() -> dict[str, frozenset[str]]:
    import holidays

    return {
        country: frozenset(subdivisions)
        for country, subdivisions in holidays.list_supported_countries().items()
    }


def supported_countries() -> frozenset[str]:
    """ISO 3166 codes the public-holiday calendar knows."""
    return frozenset(_supported())


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            "timezone", f"unknown time zone {name!r}; use a name such as Asia/Shanghai"
        ) from exc


def _aware(field: str, value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "give a time with its time zone (times are stored in UTC)")
    return value


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    country: str = "CN"
    subdivision: str | None = None
    timezone: str = "Asia/Shanghai"
    """Where the working hours are counted (the office's zone)."""
    extra_days_off: frozenset[dt.date] = frozenset()
    extra_working_days: frozenset[dt.date] = frozenset()
    opening: dt.time = dt.time(9, 0)
    closing: dt.time = dt.time(18, 0)

    def __post_init__(self) -> None:
        supported = _supported()
        if self.country not in supported:
            raise ValidationError(
                "calendar_country",
                f"no public-holiday calendar for {self.country!r}; use an ISO country code "
                "such as CN",
            )
        if self.subdivision is not None and self.subdivision not in supported[self.country]:
            known = ", ".join(sorted(supported[self.country])) or "none for this country"
            raise ValidationError(
                "calendar_subdivision",
                f"unknown region {self.subdivision!r} of {self.country}; use one of: {known}",
            )
        _zone(self.timezone)
        both = self.extra_days_off & self.extra_working_days
        if both:
            first = min(both).isoformat()
            raise ValidationError(
                "extra_working_days",
                f"{first} is listed both as an extra day off and as an extra working day; "
                "keep it in one list only",
            )
        if self.opening >= self.closing:
            raise ValidationError("closing", "the closing time must be after the opening time")

    def is_working_day(self, day: dt.date) -> bool:
        if isinstance(day, dt.datetime):
            raise ValidationError("day", "give a calendar date, not a date and time")
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        year = _year(self.country, self.subdivision, day.year)
        if day.weekday() in year.weekend:
            return day in year.weekend_workdays
        return day not in year.days_off

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The `n`-th working day after `day` (before it when `n` is negative); `day` itself
        when `n` is 0. "Back within 3 working days" is `add_working_days(taken_on, 3)`."""
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        current = day
        idle = 0
        while remaining:
            current += dt.timedelta(days=step)
            if self.is_working_day(current):
                remaining -= 1
                idle = 0
            else:
                idle += 1
                if idle > MAX_NON_WORKING_RUN:
                    raise ValidationError(
                        "extra_days_off", "the calendar has no working day for a whole year"
                    )
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days passed going from `start` to `end`: `start` excluded, `end` included,
        negative when `end` is earlier, so `working_days_between(d, add_working_days(d, n)) == n`.
        """
        step = dt.timedelta(days=1 if end >= start else -1)
        count = 0
        current = start
        while current != end:
            current += step
            count += self.is_working_day(current)
        return count if end >= start else -count

    def working_time_between(
        self,
        start: dt.datetime,
        end: dt.datetime,
        opening: dt.time | None = None,
        closing: dt.time | None = None,
        tz: dt.tzinfo | None = None,
    ) -> dt.timedelta:
        """Time inside working hours on working days between two instants.

        An `end` before `start` gives zero: clocks on different devices disagree by a little,
        and a service figure must not fail over it.
        """
        start = _aware("start", start)
        end = _aware("end", end)
        opening = self.opening if opening is None else opening
        closing = self.closing if closing is None else closing
        if opening >= closing:
            raise ValidationError("closing", "the closing time must be after the opening time")
        zone = _zone(self.timezone) if tz is None else tz
        total = dt.timedelta(0)
        if end <= start:
            return total
        day = start.astimezone(zone).date()
        last = end.astimezone(zone).date()
        while day <= last:
            if self.is_working_day(day):
                open_at = dt.datetime.combine(day, opening, zone)
                close_at = dt.datetime.combine(day, closing, zone)
                lo = max(open_at.astimezone(dt.UTC), start.astimezone(dt.UTC))
                hi = min(close_at.astimezone(dt.UTC), end.astimezone(dt.UTC))
                if hi > lo:
                    total += hi - lo
            day += dt.timedelta(days=1)
        return total

    def working_minutes_between(
        self,
        start: dt.datetime,
        end: dt.datetime,
        opening: dt.time | None = None,
        closing: dt.time | None = None,
        tz: dt.tzinfo | None = None,
    ) -> int:
        """Working minutes, rounded up: a reply after 15 min 1 s is 16 minutes, so "within 15
        minutes" means `working_minutes_between(...) <= 15`."""
        elapsed = self.working_time_between(start, end, opening, closing, tz)
        return -(-elapsed // dt.timedelta(minutes=1))

"""The office's response-time clocks on a job, from the company's after-sales targets.

- **First response**: the customer hears back within 15 minutes counted in working hours (the
  working-day calendar's opening hours on working days). It starts when the call is recorded and
  stops at the job's `first_response_at`: the first contact the office records, or the first
  assignment, since staff give the customer the appointment window when they assign. A call at
  21:00 is therefore due 15 minutes after the next opening.
- **Triage**: a fault is diagnosed within 24 hours (clock hours: a night or a weekend counts). It
  applies to product faults and stops at the first diagnosis the technician records.
- **Arrival**: the technician arrives no later than 30 minutes after the appointment window
  (arriving inside the window is on time). It stops at the first arrival recorded for that
  appointment; a visit more than a day before the window belongs to an earlier appointment.

A clock is red ("breached") when it stopped late or is still running past its deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.rules.calendar import MAX_NON_WORKING_RUN, WorkingCalendar

FIRST_RESPONSE_WORKING_MINUTES = 15
TRIAGE_HOURS = 24
ARRIVAL_GRACE_MINUTES = 30
EARLIER_APPOINTMENT = dt.timedelta(days=1)


class ClockKind(StrEnum):
    FIRST_RESPONSE = "first_response"
    TRIAGE = "triage"
    ARRIVAL = "arrival"


class ClockState(StrEnum):
    RUNNING = "running"
    MET = "met"
    LATE = "late"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Clock:
    kind: ClockKind
    state: ClockState
    started_at: dt.datetime
    due_at: dt.datetime
    stopped_at: dt.datetime | None
    minutes: int
    """Minutes left while running; minutes over the deadline when late or overdue; else 0."""

    @property
    def breached(self) -> bool:
        return self.state in (ClockState.LATE, ClockState.OVERDUE)


@dataclass(frozen=True)
class JobTimes:
    """What the clocks read from a job (so the board loads them in a few queries)."""

    status: JobStatus
    category: JobCategory
    created_at: dt.datetime
    first_response_at: dt.datetime | None
    appointment_start: dt.datetime | None
    appointment_end: dt.datetime | None
    first_diagnosis_at: dt.datetime | None
    arrivals: tuple[dt.datetime, ...]


def add_working_minutes(calendar: WorkingCalendar, start: dt.datetime, minutes: int) -> dt.datetime:
    """The instant when `minutes` of working time have passed since `start`."""
    zone = ZoneInfo(calendar.timezone)
    left = dt.timedelta(minutes=minutes)
    day = start.astimezone(zone).date()
    idle = 0
    while True:
        if calendar.is_working_day(day):
            idle = 0
            opens = dt.datetime.combine(day, calendar.opening, zone).astimezone(dt.UTC)
            closes = dt.datetime.combine(day, calendar.closing, zone).astimezone(dt.UTC)
            begin = max(opens, start.astimezone(dt.UTC))
            if closes > begin:
                if begin + left <= closes:
                    return begin + left
                left -= closes - begin
        else:
            idle += 1
            if idle > MAX_NON_WORKING_RUN:
                raise ValueError("the calendar has no working day for a whole year")
        day += dt.timedelta(days=1)


def _minutes(delta: dt.timedelta) -> int:
    """Whole minutes, rounded up: 15 min 1 s over is 16 minutes over."""
    return max(0, -(-delta // dt.timedelta(minutes=1)))


def _clock(
    kind: ClockKind,
    started: dt.datetime,
    due: dt.datetime,
    stopped: dt.datetime | None,
    now: dt.datetime,
    over: int | None = None,
) -> Clock:
    if stopped is not None:
        late = stopped > due
        state = ClockState.LATE if late else ClockState.MET
        minutes = (over if over is not None else _minutes(stopped - due)) if late else 0
        return Clock(kind, state, started, due, stopped, minutes)
    if now > due:
        minutes = over if over is not None else _minutes(now - due)
        return Clock(kind, ClockState.OVERDUE, started, due, None, minutes)
    return Clock(kind, ClockState.RUNNING, started, due, None, _minutes(due - now))


def first_response(times: JobTimes, calendar: WorkingCalendar, now: dt.datetime) -> Clock | None:
    stopped = times.first_response_at
    if stopped is None and times.status is JobStatus.CANCELLED:
        return None
    start = times.created_at
    due = add_working_minutes(calendar, start, FIRST_RESPONSE_WORKING_MINUTES)
    taken = calendar.working_minutes_between(start, stopped or now)
    over = max(0, taken - FIRST_RESPONSE_WORKING_MINUTES)
    return _clock(ClockKind.FIRST_RESPONSE, start, due, stopped, now, over)


def triage(times: JobTimes, now: dt.datetime) -> Clock | None:
    if times.category is not JobCategory.PRODUCT_FAULT:
        return None
    stopped = times.first_diagnosis_at
    if stopped is None and times.status is JobStatus.CANCELLED:
        return None
    due = times.created_at + dt.timedelta(hours=TRIAGE_HOURS)
    return _clock(ClockKind.TRIAGE, times.created_at, due, stopped, now)


def arrival(times: JobTimes, now: dt.datetime) -> Clock | None:
    start = times.appointment_start
    if start is None:
        return None
    end = times.appointment_end or start
    arrived = [a for a in times.arrivals if a >= start - EARLIER_APPOINTMENT]
    stopped = min(arrived) if arrived else None
    if stopped is None and times.status is JobStatus.CANCELLED:
        return None
    due = end + dt.timedelta(minutes=ARRIVAL_GRACE_MINUTES)
    return _clock(ClockKind.ARRIVAL, start, due, stopped, now)


def clocks(times: JobTimes, calendar: WorkingCalendar, now: dt.datetime) -> list[Clock]:
    """The clocks that apply to a job, in workflow order."""
    found = (first_response(times, calendar, now), triage(times, now), arrival(times, now))
    return [clock for clock in found if clock is not None]

"""The response clocks: working minutes for the first response, clock hours for triage, the
arrival grace after the appointment window, and red exactly when a target is missed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.rules.calendar import WorkingCalendar
from sync.server.response_clocks import (
    ClockKind,
    ClockState,
    JobTimes,
    add_working_minutes,
    clocks,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
CALENDAR = WorkingCalendar()


def _at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(dt.UTC)


def _times(created: dt.datetime, **values: object) -> JobTimes:
    base: dict[str, object] = {
        "status": JobStatus.NEW,
        "category": JobCategory.PRODUCT_FAULT,
        "created_at": created,
        "first_response_at": None,
        "appointment_start": None,
        "appointment_end": None,
        "first_diagnosis_at": None,
        "arrivals": (),
    }
    base.update(values)
    return JobTimes(**base)  # type: ignore[arg-type]


def _by_kind(times: JobTimes, now: dt.datetime) -> dict[ClockKind, object]:
    return {c.kind: c for c in clocks(times, CALENDAR, now)}


def test_call_friday_evening_is_due_monday_after_opening() -> None:
    # Friday 27 November 2026 17:55: five working minutes left that day, ten on Monday.
    due = add_working_minutes(CALENDAR, _at(27, 17, 55), 15)
    assert due == _at(30, 9, 10)


def test_call_before_national_day_waits_for_the_holiday_to_end() -> None:
    # 30 September 2026 after closing; 1-7 October are the National Day holiday.
    due = add_working_minutes(CALENDAR, _at(30, 19, 0, month=9), 15)
    assert due == _at(8, 9, 15, month=10)


def test_first_response_running_then_red_after_fifteen_working_minutes() -> None:
    times = _times(_at(25, 10, 0))
    running = clocks(times, CALENDAR, _at(25, 10, 5))[0]
    assert (running.kind, running.state, running.minutes) == (
        ClockKind.FIRST_RESPONSE,
        ClockState.RUNNING,
        10,
    )
    assert not running.breached
    overdue = clocks(times, CALENDAR, _at(25, 10, 20))[0]
    assert (overdue.state, overdue.minutes, overdue.breached) == (ClockState.OVERDUE, 5, True)


def test_first_response_overnight_counts_only_working_minutes() -> None:
    # Called at 17:50, answered at 09:04 next morning: 10 + 4 = 14 working minutes, on time.
    times = _times(_at(25, 17, 50), first_response_at=_at(26, 9, 4))
    clock = clocks(times, CALENDAR, _at(26, 12, 0))[0]
    assert clock.state is ClockState.MET
    assert not clock.breached
    late = _times(_at(25, 17, 50), first_response_at=_at(26, 9, 7))
    clock = clocks(late, CALENDAR, _at(26, 12, 0))[0]
    assert (clock.state, clock.minutes, clock.breached) == (ClockState.LATE, 2, True)


def test_triage_applies_to_faults_and_counts_clock_hours() -> None:
    created = _at(27, 16, 0)  # Friday afternoon; the weekend counts for triage
    kinds = _by_kind(_times(created), _at(28, 15, 0))
    assert kinds[ClockKind.TRIAGE].state is ClockState.RUNNING  # type: ignore[attr-defined]
    kinds = _by_kind(_times(created), _at(28, 16, 30))
    triage = kinds[ClockKind.TRIAGE]
    assert (triage.state, triage.minutes) == (ClockState.OVERDUE, 30)  # type: ignore[attr-defined]
    diagnosed = _times(created, first_diagnosis_at=_at(28, 11, 0))
    assert _by_kind(diagnosed, _at(30, 9, 0))[ClockKind.TRIAGE].state is ClockState.MET  # type: ignore[attr-defined]
    question = _times(created, category=JobCategory.USAGE_QUESTION)
    assert ClockKind.TRIAGE not in _by_kind(question, _at(30, 9, 0))


def test_arrival_inside_window_on_time_and_grace_of_thirty_minutes() -> None:
    window = {"appointment_start": _at(26, 9, 0), "appointment_end": _at(26, 11, 0)}
    base = _times(_at(25, 10, 0), first_response_at=_at(25, 10, 3), **window)
    assert ClockKind.ARRIVAL in _by_kind(base, _at(26, 8, 0))
    on_time = _times(_at(25, 10, 0), arrivals=(_at(26, 11, 30),), **window)
    assert _by_kind(on_time, _at(26, 12, 0))[ClockKind.ARRIVAL].state is ClockState.MET  # type: ignore[attr-defined]
    late = _times(_at(25, 10, 0), arrivals=(_at(26, 11, 31),), **window)
    clock = _by_kind(late, _at(26, 12, 0))[ClockKind.ARRIVAL]
    assert (clock.state, clock.minutes, clock.breached) == (ClockState.LATE, 1, True)  # type: ignore[attr-defined]
    nobody = _by_kind(base, _at(26, 12, 0))[ClockKind.ARRIVAL]
    assert (nobody.state, nobody.minutes) == (ClockState.OVERDUE, 30)  # type: ignore[attr-defined]


def test_visit_for_an_earlier_appointment_does_not_stop_the_arrival_clock() -> None:
    times = _times(
        _at(20, 10, 0),
        appointment_start=_at(26, 9, 0),
        appointment_end=_at(26, 11, 0),
        arrivals=(_at(21, 9, 0),),
    )
    assert _by_kind(times, _at(26, 10, 0))[ClockKind.ARRIVAL].state is ClockState.RUNNING  # type: ignore[attr-defined]


def test_cancelled_job_without_response_shows_no_running_clocks() -> None:
    assert clocks(_times(_at(25, 10, 0), status=JobStatus.CANCELLED), CALENDAR, _at(30, 9)) == []

"""Working calendar with real Chinese dates: National Day 2026, Spring Festival, 调休, overrides."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.calendar import WorkingCalendar

D = dt.date
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
CN = WorkingCalendar()


def at(y: int, m: int, d: int, hh: int, mm: int, ss: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=SHANGHAI)


@pytest.mark.parametrize("day", range(1, 8))
def test_is_working_day_national_day_week_2026_is_off(day: int) -> None:
    assert not CN.is_working_day(D(2026, 10, day))


@pytest.mark.parametrize(
    "day", [D(2026, 9, 20), D(2026, 10, 10), D(2026, 2, 14), D(2026, 2, 28), D(2026, 1, 4)]
)
def test_is_working_day_adjusted_weekend_2026_is_working(day: dt.date) -> None:
    assert day.weekday() >= 5
    assert CN.is_working_day(day)


def test_is_working_day_adjusted_weekend_across_new_year() -> None:
    # The 2002 New Year notice moved two working days to the weekend before it.
    assert CN.is_working_day(D(2001, 12, 29))
    assert CN.is_working_day(D(2001, 12, 30))
    assert not CN.is_working_day(D(2002, 1, 2))


def test_is_working_day_ordinary_week() -> None:
    week = [D(2026, 11, 23) + dt.timedelta(days=i) for i in range(7)]
    assert [CN.is_working_day(d) for d in week] == [True] * 5 + [False] * 2


def test_add_working_days_across_national_day_lands_on_adjusted_saturday() -> None:
    assert CN.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert CN.add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert CN.working_days_between(D(2026, 9, 30), D(2026, 10, 10)) == 3


def test_add_working_days_spring_festival_2026() -> None:
    # Off from Sunday 15 to Monday 23 February; Saturday 14 is worked.
    assert CN.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert CN.add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 24)


def test_add_working_days_spring_festival_2027() -> None:
    # New Year's Eve falls on Friday 5 February 2027; the holiday runs to Wednesday 10.
    for day in range(5, 11):
        assert not CN.is_working_day(D(2027, 2, day))
    assert CN.add_working_days(D(2027, 2, 4), 1) == D(2027, 2, 11)
    assert CN.add_working_days(D(2027, 2, 4), 3) == D(2027, 2, 15)


def test_add_working_days_with_company_overrides() -> None:
    calendar = WorkingCalendar(
        extra_days_off=frozenset({D(2026, 10, 9)}),
        extra_working_days=frozenset({D(2027, 2, 6)}),
    )
    assert not calendar.is_working_day(D(2026, 10, 9))
    assert calendar.add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 12)
    assert calendar.is_working_day(D(2027, 2, 6))
    assert calendar.add_working_days(D(2027, 2, 4), 1) == D(2027, 2, 6)


def test_add_working_days_zero_and_negative() -> None:
    assert CN.add_working_days(D(2026, 10, 3), 0) == D(2026, 10, 3)
    assert CN.add_working_days(D(2026, 10, 8), -1) == D(2026, 9, 30)
    assert CN.working_days_between(D(2026, 10, 8), D(2026, 9, 30)) == -1


def test_is_working_day_other_country_has_its_own_holidays() -> None:
    germany = WorkingCalendar(country="DE", timezone="Europe/Berlin")
    assert not germany.is_working_day(D(2026, 10, 3))  # German Unity Day
    assert germany.is_working_day(D(2026, 10, 1))


def test_is_working_day_subdivision_holiday() -> None:
    california = WorkingCalendar(country="US", subdivision="CA", timezone="America/Los_Angeles")
    assert not california.is_working_day(D(2026, 11, 27))  # Day after Thanksgiving in CA
    assert WorkingCalendar(country="US", timezone="America/New_York").is_working_day(
        D(2026, 11, 27)
    )


def test_working_minutes_between_skips_night_and_weekend() -> None:
    start = at(2026, 11, 27, 17, 55)  # Friday
    end = at(2026, 11, 30, 9, 10)  # Monday
    assert CN.working_minutes_between(start, end) == 15


def test_working_minutes_between_skips_national_day_week() -> None:
    assert CN.working_minutes_between(at(2026, 9, 30, 17, 50), at(2026, 10, 8, 9, 5)) == 15


def test_working_minutes_between_counts_adjusted_saturday() -> None:
    assert CN.working_minutes_between(at(2026, 10, 10, 8, 0), at(2026, 10, 10, 10, 0)) == 60


def test_working_minutes_between_utc_inputs_counted_in_company_zone() -> None:
    start = dt.datetime(2026, 11, 25, 0, 50, tzinfo=dt.UTC)  # 08:50 in Shanghai
    end = dt.datetime(2026, 11, 25, 1, 14, tzinfo=dt.UTC)  # 09:14 in Shanghai
    assert CN.working_minutes_between(start, end) == 14


def test_working_minutes_between_rounds_partial_minute_up() -> None:
    start = at(2026, 11, 25, 10, 0)
    assert CN.working_minutes_between(start, start + dt.timedelta(minutes=15)) == 15
    assert CN.working_minutes_between(start, start + dt.timedelta(minutes=15, seconds=1)) == 16


def test_working_minutes_between_custom_hours_and_zone() -> None:
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    start = dt.datetime(2026, 11, 25, 7, 0, tzinfo=berlin)
    end = dt.datetime(2026, 11, 25, 8, 30, tzinfo=berlin)
    minutes = CN.working_minutes_between(start, end, dt.time(8, 0), dt.time(17, 0), berlin)
    assert minutes == 30


def test_working_minutes_between_end_before_start_is_zero() -> None:
    assert CN.working_minutes_between(at(2026, 11, 25, 11, 0), at(2026, 11, 25, 10, 0)) == 0


def test_working_minutes_between_naive_time_raises() -> None:
    with pytest.raises(ValidationError) as caught:
        CN.working_minutes_between(dt.datetime(2026, 11, 25, 10, 0), at(2026, 11, 25, 11, 0))
    assert caught.value.field == "start"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"country": "XX"}, "calendar_country"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        (
            {
                "extra_days_off": frozenset({D(2026, 12, 1)}),
                "extra_working_days": frozenset({D(2026, 12, 1)}),
            },
            "extra_working_days",
        ),
        ({"opening": dt.time(18, 0), "closing": dt.time(9, 0)}, "closing"),
        ({"subdivision": "XX"}, "calendar_subdivision"),
        ({"country": "US", "subdivision": "ZZ"}, "calendar_subdivision"),
    ],
)
def test_working_calendar_bad_settings_raise(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        WorkingCalendar(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


days_2026_2027 = st.dates(min_value=D(2025, 12, 1), max_value=D(2027, 12, 31))


@given(days_2026_2027, st.integers(min_value=-40, max_value=40))
def test_add_working_days_inverse_of_working_days_between(day: dt.date, n: int) -> None:
    target = CN.add_working_days(day, n)
    assert CN.working_days_between(day, target) == n
    if n:
        assert CN.is_working_day(target)
        assert (target > day) == (n > 0)


@given(
    st.datetimes(min_value=dt.datetime(2026, 9, 1), max_value=dt.datetime(2026, 12, 31)),
    st.integers(min_value=0, max_value=20 * 24 * 60),
    st.integers(min_value=0, max_value=20 * 24 * 60),
)
def test_working_time_between_is_additive(start: dt.datetime, a: int, b: int) -> None:
    first = start.replace(tzinfo=SHANGHAI)
    middle = first + dt.timedelta(minutes=a)
    last = middle + dt.timedelta(minutes=b)
    whole = CN.working_time_between(first, last)
    assert whole == CN.working_time_between(first, middle) + CN.working_time_between(middle, last)
    assert dt.timedelta(0) <= whole <= last - first

"""Business-time arithmetic: weekends, holidays, time zones, DST, hand-offs outside hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle.sla.calendar import (
    BusinessCalendar,
    CalendarError,
    add_business_time,
    business_time_between,
    calendar_from_dict,
    resolve_calendar,
    working_intervals,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
H = timedelta(hours=1)


def weekdays(start: time, end: time, zone: str = "Europe/Berlin", **kw: object) -> BusinessCalendar:
    return BusinessCalendar(time_zone=zone, hours=dict.fromkeys(range(5), ((start, end),)), **kw)  # type: ignore[arg-type]


BERLIN_9_18 = weekdays(time(9), time(18))


def local(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)  # type: ignore[misc]


def test_friday_1755_with_one_hour_is_due_monday_0955() -> None:
    friday = local(BERLIN, 2026, 11, 20, 17, 55)
    due = add_business_time(friday, H, BERLIN_9_18)
    assert due.astimezone(BERLIN) == local(BERLIN, 2026, 11, 23, 9, 55)
    assert business_time_between(friday, due, BERLIN_9_18) == H


def test_handoff_at_night_starts_counting_next_morning() -> None:
    tuesday_night = local(BERLIN, 2026, 11, 17, 23, 30)
    due = add_business_time(tuesday_night, 2 * H, BERLIN_9_18)
    assert due.astimezone(BERLIN) == local(BERLIN, 2026, 11, 18, 11, 0)


def test_handoff_on_saturday_counts_from_monday() -> None:
    saturday = local(BERLIN, 2026, 11, 21, 12, 0)
    assert add_business_time(saturday, 4 * H, BERLIN_9_18).astimezone(BERLIN) == local(
        BERLIN, 2026, 11, 23, 13, 0
    )
    assert business_time_between(saturday, local(BERLIN, 2026, 11, 22, 23, 0), BERLIN_9_18) == (
        timedelta(0)
    )


def test_holidays_are_skipped() -> None:
    calendar = weekdays(time(9), time(17), holidays=(date(2026, 12, 24), date(2026, 12, 25)))
    wednesday = local(BERLIN, 2026, 12, 23, 16, 0)
    # 1 h left on Wednesday, Thursday and Friday are holidays, then Monday 09:00 + 2 h.
    assert add_business_time(wednesday, 3 * H, calendar).astimezone(BERLIN) == local(
        BERLIN, 2026, 12, 28, 11, 0
    )


def test_split_days_with_a_lunch_break() -> None:
    calendar = calendar_from_dict(
        {"time_zone": "UTC", "hours": {"mon": [["09:00", "12:00"], ["13:00", "17:00"]]}}
    )
    monday = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    assert add_business_time(monday, 2 * H, calendar) == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    # The next working time after Monday 17:00 is next Monday.
    assert add_business_time(monday, 7 * H, calendar) == datetime(2026, 11, 30, 11, 0, tzinfo=UTC)


def test_time_zones_count_the_rep_s_own_day() -> None:
    new_york = weekdays(time(9), time(17), zone="America/New_York")
    # 15:00 UTC on a Monday in November is 10:00 in New York.
    start = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    assert add_business_time(start, 8 * H, new_york).astimezone(NEW_YORK) == local(
        NEW_YORK, 2026, 11, 24, 10, 0
    )


def test_berlin_spring_forward_day_is_one_hour_shorter_for_a_round_the_clock_desk() -> None:
    desk = BusinessCalendar(
        time_zone="Europe/Berlin", hours={d: ((time(0), time(23, 0)),) for d in range(7)}
    )
    # 29 March 2026: clocks go from 02:00 to 03:00, so 00:00-23:00 is 22 real hours.
    day = local(BERLIN, 2026, 3, 29, 0, 0)
    end = local(BERLIN, 2026, 3, 29, 23, 0)
    assert business_time_between(day, end, desk) == 22 * H
    assert add_business_time(day, 22 * H, desk) == end.astimezone(UTC)
    # 25 October 2026: 02:00-03:00 happens twice, so the day is 24 real hours.
    autumn = local(BERLIN, 2026, 10, 25, 0, 0)
    assert business_time_between(autumn, local(BERLIN, 2026, 10, 25, 23, 0), desk) == 24 * H


def test_new_york_dst_keeps_local_working_hours() -> None:
    new_york = weekdays(time(9), time(17), zone="America/New_York")
    # US clocks spring forward on Sunday 8 March 2026; Friday 16:00 + 2 h is Monday 10:00
    # local, although the UTC offset changed over the weekend.
    friday = local(NEW_YORK, 2026, 3, 6, 16, 0)
    due = add_business_time(friday, 2 * H, new_york)
    assert due.astimezone(NEW_YORK) == local(NEW_YORK, 2026, 3, 9, 10, 0)
    assert due == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    # Europe changes three weeks later: Berlin work starts 5 h after New York's for a while.
    assert business_time_between(friday, due, new_york) == 2 * H


def test_long_durations_skip_weeks_and_match_day_by_day() -> None:
    calendar = weekdays(time(9), time(17), holidays=(date(2026, 12, 25), date(2027, 1, 1)))
    start = local(BERLIN, 2026, 9, 1, 10, 0)
    due = add_business_time(start, 800 * H, calendar)
    assert business_time_between(start, due, calendar) == 800 * H
    by_day = sum(((b - a) for a, b in working_intervals(start, due, calendar)), timedelta(0))
    assert by_day == 800 * H
    # 100 working days of 8 h, two holidays, and a DST change in October in between.
    assert due.astimezone(BERLIN).date() == date(2027, 1, 21)


def test_between_is_negative_backwards_and_zero_when_equal() -> None:
    a = local(BERLIN, 2026, 11, 23, 10, 0)
    b = local(BERLIN, 2026, 11, 23, 12, 0)
    assert business_time_between(b, a, BERLIN_9_18) == -2 * H
    assert business_time_between(a, a, BERLIN_9_18) == timedelta(0)


def test_bad_calendars_are_refused_with_the_field_named() -> None:
    with pytest.raises(CalendarError) as bad_zone:
        calendar_from_dict({"time_zone": "Mars/Olympus", "hours": {"mon": ["09:00", "17:00"]}})
    assert bad_zone.value.field == "time_zone"
    with pytest.raises(CalendarError) as bad_day:
        calendar_from_dict({"hours": {"monday": ["09:00", "17:00"]}})
    assert bad_day.value.field == "hours.monday"
    with pytest.raises(CalendarError) as backwards:
        calendar_from_dict({"hours": {"tue": ["17:00", "09:00"]}})
    assert backwards.value.field == "hours.tue"
    with pytest.raises(CalendarError) as nothing:
        calendar_from_dict({"hours": {}})
    assert nothing.value.field == "hours"
    with pytest.raises(CalendarError) as holiday:
        calendar_from_dict({"hours": {"mon": ["09:00", "17:00"]}, "holidays": ["25/12"]})
    assert holiday.value.field == "holidays[0]"


def test_rep_falls_back_to_team_then_company() -> None:
    team = weekdays(time(8), time(16), holidays=(date(2026, 12, 25),))
    company = weekdays(time(9), time(17))
    rep = resolve_calendar(
        rep_hours={"mon": ["10:00", "14:00"]},
        rep_time_zone="America/New_York",
        team=team,
        company=company,
    )
    assert rep.time_zone == "America/New_York" and rep.holidays == team.holidays
    assert resolve_calendar(rep_hours={}, rep_time_zone="UTC", team=team, company=company) is team
    assert resolve_calendar(rep_hours=None, rep_time_zone=None, team=None, company=company) is (
        company
    )


# --- properties -------------------------------------------------------------------------

zones = st.sampled_from(["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"])
instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)
durations = st.integers(min_value=0, max_value=60 * 60 * 24 * 40).map(
    lambda s: timedelta(seconds=s)
)


@st.composite
def calendars(draw: st.DrawFn) -> BusinessCalendar:
    hours = {}
    for day in range(7):
        if draw(st.booleans()) or day == 0:
            start = draw(st.integers(min_value=0, max_value=22 * 60))
            end = draw(st.integers(min_value=start + 1, max_value=24 * 60 - 1))
            hours[day] = ((time(start // 60, start % 60), time(end // 60, end % 60)),)
    holidays = draw(st.lists(st.dates(date(2025, 1, 1), date(2029, 6, 30)), max_size=30))
    return BusinessCalendar(time_zone=draw(zones), hours=hours, holidays=tuple(holidays))


@settings(max_examples=300, deadline=None)
@given(calendars(), instants, durations)
def test_due_minus_start_is_the_duration(
    calendar: BusinessCalendar, start: datetime, duration: timedelta
) -> None:
    due = add_business_time(start, duration, calendar)
    assert due >= start
    assert business_time_between(start, due, calendar) == duration


@settings(max_examples=200, deadline=None)
@given(calendars(), instants, durations, durations)
def test_add_is_monotonic_and_additive(
    calendar: BusinessCalendar, start: datetime, d1: timedelta, d2: timedelta
) -> None:
    small, large = sorted((d1, d2))
    assert add_business_time(start, small, calendar) <= add_business_time(start, large, calendar)
    if small > timedelta(0):
        middle = add_business_time(start, small, calendar)
        assert add_business_time(middle, large, calendar) == add_business_time(
            start, small + large, calendar
        )


@settings(max_examples=200, deadline=None)
@given(calendars(), instants, instants, instants)
def test_between_is_additive_and_bounded(
    calendar: BusinessCalendar, a: datetime, b: datetime, c: datetime
) -> None:
    a, b, c = sorted((a, b, c))
    ab, bc = business_time_between(a, b, calendar), business_time_between(b, c, calendar)
    assert ab + bc == business_time_between(a, c, calendar)
    assert timedelta(0) <= ab <= b - a

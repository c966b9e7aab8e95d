"""Business time: working hours per weekday, a time zone and holidays.

Pure functions, no database. Every SLA clock counts business time with these, by interval
arithmetic: a day contributes its working intervals (converted to real instants through the
time zone, so a day with a daylight-saving change counts its real length), and long spans skip
whole regular weeks (no holiday, no offset change) in one step each instead of walking days.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ZERO = timedelta(0)
WEEK = timedelta(days=7)


class CalendarError(ValueError):
    """A calendar definition that cannot be used; ``field`` names the bad part."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class BusinessCalendar:
    """``hours[weekday]`` (0 = Monday) holds sorted, non-overlapping (start, end) local times;
    a weekday that is absent is not worked. ``holidays`` are local dates not worked."""

    time_zone: str = "UTC"
    hours: Mapping[int, tuple[tuple[time, time], ...]] = field(default_factory=dict)
    holidays: tuple[date, ...] = ()
    name: str = "default"

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise CalendarError("time_zone", f"unknown time zone {self.time_zone!r}") from exc
        object.__setattr__(self, "holidays", tuple(sorted(set(self.holidays))))
        for weekday, intervals in self.hours.items():
            if weekday not in range(7):
                raise CalendarError("hours", f"weekday {weekday} is not 0-6")
            previous_end: time | None = None
            for start, end in intervals:
                if not start < end:
                    raise CalendarError(
                        f"hours.{WEEKDAYS[weekday]}", "each interval must end after it starts"
                    )
                if previous_end is not None and start < previous_end:
                    raise CalendarError(
                        f"hours.{WEEKDAYS[weekday]}", "intervals must be sorted, not overlapping"
                    )
                previous_end = end
        if self.weekly_nominal() == ZERO:
            raise CalendarError("hours", "at least one weekday needs working hours")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def weekly_nominal(self) -> timedelta:
        """Working time in a week without holidays or offset changes."""
        total = ZERO
        for intervals in self.hours.values():
            for start, end in intervals:
                total += datetime.combine(date.min, end) - datetime.combine(date.min, start)
        return total

    def is_holiday(self, day: date) -> bool:
        i = bisect.bisect_left(self.holidays, day)
        return i < len(self.holidays) and self.holidays[i] == day

    def holidays_between(self, first: date, last_exclusive: date) -> int:
        return bisect.bisect_left(self.holidays, last_exclusive) - bisect.bisect_left(
            self.holidays, first
        )

    def intervals_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The day's working intervals as UTC instants (empty on a holiday or a day off)."""
        if self.is_holiday(day):
            return []
        zone = self.zone
        out = []
        for start, end in self.hours.get(day.weekday(), ()):
            a = datetime.combine(day, start, tzinfo=zone).astimezone(UTC)
            b = datetime.combine(day, end, tzinfo=zone).astimezone(UTC)
            if a < b:
                out.append((a, b))
        return out

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.zone).astimezone(UTC)

    def _regular_week(self, day: date) -> bool:
        """No holiday and the same UTC offset at both ends: the week counts its nominal hours."""
        if self.holidays_between(day, day + WEEK) or self.weekly_nominal() == ZERO:
            return False
        zone = self.zone
        a = datetime.combine(day, time(0), tzinfo=zone).utcoffset()
        b = datetime.combine(day + WEEK, time(0), tzinfo=zone).utcoffset()
        return a == b

    def to_dict(self) -> dict[str, Any]:
        return {
            "time_zone": self.time_zone,
            "hours": {
                WEEKDAYS[d]: [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in iv]
                for d, iv in sorted(self.hours.items())
            },
            "holidays": [d.isoformat() for d in self.holidays],
        }


DEFAULT_CALENDAR = BusinessCalendar(
    time_zone="UTC",
    hours={d: ((time(9), time(17)),) for d in range(5)},
    name="company default",
)


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")
    return value.astimezone(UTC)


def _local_date(value: datetime, calendar: BusinessCalendar) -> date:
    return value.astimezone(calendar.zone).date()


def add_business_time(start: datetime, duration: timedelta, calendar: BusinessCalendar) -> datetime:
    """The instant when ``duration`` of business time has passed since ``start`` (UTC).

    A zero duration started outside working hours is due at ``start`` itself."""
    start = _aware(start, "start")
    if duration < ZERO:
        raise ValueError("duration must not be negative")
    if duration == ZERO:
        return start
    remaining = duration
    day = _local_date(start, calendar) - timedelta(days=1)  # an interval may end after midnight
    weekly = calendar.weekly_nominal()
    while True:
        # Skip whole regular weeks once past the start day, keeping at least one week to go.
        if calendar._midnight(day) >= start:
            while remaining > weekly and calendar._regular_week(day):
                remaining -= weekly
                day += WEEK
        for a, b in calendar.intervals_on(day):
            if b <= start:
                continue
            a = max(a, start)
            if b - a >= remaining:
                return a + remaining
            remaining -= b - a
        day += timedelta(days=1)


def business_time_between(a: datetime, b: datetime, calendar: BusinessCalendar) -> timedelta:
    """Business time from ``a`` to ``b``; negative when ``b`` is before ``a``."""
    a, b = _aware(a, "a"), _aware(b, "b")
    if b < a:
        return -business_time_between(b, a, calendar)
    total = ZERO
    day = _local_date(a, calendar) - timedelta(days=1)
    last = _local_date(b, calendar)
    weekly = calendar.weekly_nominal()
    while day <= last:
        if calendar._midnight(day) >= a:
            while day + WEEK <= last and calendar._regular_week(day):
                total += weekly
                day += WEEK
        for start, end in calendar.intervals_on(day):
            lo, hi = max(start, a), min(end, b)
            if lo < hi:
                total += hi - lo
        day += timedelta(days=1)
    return total


def working_intervals(
    a: datetime, b: datetime, calendar: BusinessCalendar
) -> Iterator[tuple[datetime, datetime]]:
    """The working intervals overlapping [a, b), clipped (for display and tests)."""
    a, b = _aware(a, "a"), _aware(b, "b")
    day = _local_date(a, calendar) - timedelta(days=1)
    while day <= _local_date(b, calendar):
        for start, end in calendar.intervals_on(day):
            lo, hi = max(start, a), min(end, b)
            if lo < hi:
                yield lo, hi
        day += timedelta(days=1)


# --- building calendars from stored JSON ------------------------------------------------


def _parse_time(value: Any, where: str) -> time:
    if not isinstance(value, str):
        raise CalendarError(where, 'give times as "HH:MM"')
    try:
        hh, mm = value.split(":")
        if len(hh) != 2 or len(mm) != 2:
            raise ValueError
        if hh == "24" and mm == "00":
            return time(23, 59, 59, 999999)
        return time(int(hh), int(mm))
    except ValueError as exc:
        raise CalendarError(where, f'{value!r} is not a time like "09:00"') from exc


def parse_hours(raw: Any, where: str = "hours") -> dict[int, tuple[tuple[time, time], ...]]:
    """``{"mon": ["09:00", "17:30"], "tue": [["09:00", "12:00"], ["13:00", "18:00"]]}``."""
    if not isinstance(raw, Mapping):
        raise CalendarError(where, "give an object of weekday -> working hours")
    out: dict[int, tuple[tuple[time, time], ...]] = {}
    for key, value in raw.items():
        if key not in WEEKDAYS:
            raise CalendarError(f"{where}.{key}", f"weekdays are {', '.join(WEEKDAYS)}")
        if not value:
            continue
        if not isinstance(value, list | tuple):
            raise CalendarError(f"{where}.{key}", 'give ["09:00", "17:30"] or a list of them')
        pairs = [value] if isinstance(value[0], str) else value
        intervals = []
        for i, pair in enumerate(pairs):
            at = f"{where}.{key}[{i}]" if len(pairs) > 1 else f"{where}.{key}"
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise CalendarError(at, "give [start, end]")
            intervals.append((_parse_time(pair[0], at), _parse_time(pair[1], at)))
        out[WEEKDAYS.index(key)] = tuple(sorted(intervals))
    return out


def parse_holidays(raw: Iterable[Any], where: str = "holidays") -> tuple[date, ...]:
    out = []
    for i, value in enumerate(raw):
        try:
            out.append(date.fromisoformat(str(value)))
        except ValueError as exc:
            raise CalendarError(
                f"{where}[{i}]", f"{value!r} is not a date like 2026-12-25"
            ) from exc
    return tuple(out)


@cache
def _known_zones() -> frozenset[str]:
    # available_timezones() walks the time zone database on disk at every call (tens of
    # ms); every clock started and every report reads calendars.
    return frozenset(available_timezones())


def calendar_from_dict(raw: Mapping[str, Any], name: str = "calendar") -> BusinessCalendar:
    zone = str(raw.get("time_zone") or "UTC")
    if zone not in _known_zones() and zone != "UTC":
        raise CalendarError("time_zone", f"unknown time zone {zone!r}")
    return BusinessCalendar(
        time_zone=zone,
        hours=parse_hours(raw.get("hours") or {}),
        holidays=parse_holidays(raw.get("holidays") or ()),
        name=name,
    )


def stored_calendars(
    rows: Iterable[tuple[str, str | None, Any, Any]],
) -> dict[str, BusinessCalendar | None]:
    """Calendars by scope from stored (scope, time_zone, hours, holidays) rows; a broken
    one is None (the clocks then count in the next calendar that applies)."""
    stored: dict[str, BusinessCalendar | None] = {}
    for scope, time_zone, hours, holidays in rows:
        try:
            stored[scope] = calendar_from_dict(
                {"time_zone": time_zone, "hours": hours, "holidays": holidays}, name=scope
            )
        except CalendarError:
            stored[scope] = None
    return stored


def owner_calendar(
    stored: Mapping[str, BusinessCalendar | None],
    *,
    team: str | None,
    rep_hours: Mapping[str, Any] | None = None,
    rep_time_zone: str | None = None,
) -> BusinessCalendar:
    """The calendar a clock counts in, given the stored calendars (by scope), the team and
    the rep's own working hours, if any."""
    return resolve_calendar(
        rep_hours=rep_hours,
        rep_time_zone=rep_time_zone,
        team=stored.get(f"team:{team}") if team else None,
        company=stored.get("company"),
    )


def resolve_calendar(
    *,
    rep_hours: Mapping[str, Any] | None,
    rep_time_zone: str | None,
    team: BusinessCalendar | None,
    company: BusinessCalendar | None,
) -> BusinessCalendar:
    """A rep's own hours (in their time zone) if they set any, with the team's holidays; else
    the team's calendar; else the company default; else Mon-Fri 09:00-17:00 UTC."""
    base = team or company or DEFAULT_CALENDAR
    if rep_hours:
        try:
            return BusinessCalendar(
                time_zone=rep_time_zone or base.time_zone,
                hours=parse_hours(rep_hours),
                holidays=base.holidays,
                name="rep",
            )
        except CalendarError:
            return base  # a rep's broken hours must not stop the clocks; the team's apply
    return base

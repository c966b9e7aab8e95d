"""The one source of time. Tests swap in a :class:`FrozenClock` to freeze and advance it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs a timezone-aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        self._at = at


class ShiftedClock:
    """Real time moved to another moment: it starts at ``at`` and runs at real speed from
    there, so a server on it behaves as on any day while its day, weekday and hour are
    chosen. A test sets it to the moment its story needs (or CI's pinned hard moment)."""

    def __init__(self, at: datetime) -> None:
        self._offset = timedelta(0)
        self.set(at)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def advance(self, delta: timedelta) -> None:
        self._offset += delta

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("ShiftedClock needs a timezone-aware datetime")
        self._offset = at - datetime.now(UTC)


_clock: Clock = SystemClock()


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return _clock.now()


def use_clock(clock: Clock) -> Clock:
    """Install ``clock`` and return the previous one (so a test can restore it)."""
    global _clock
    previous, _clock = _clock, clock
    return previous

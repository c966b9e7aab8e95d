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


_clock: Clock = SystemClock()


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return _clock.now()


def use_clock(clock: Clock) -> Clock:
    """Install ``clock`` and return the previous one (so a test can restore it)."""
    global _clock
    previous, _clock = _clock, clock
    return previous

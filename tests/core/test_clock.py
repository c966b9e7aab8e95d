"""The clocks tests and the browser tests' server run on."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from huddle.core import clock

SATURDAY_NIGHT = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)


def test_a_shifted_clock_starts_at_its_moment_and_runs_at_real_speed() -> None:
    shifted = clock.ShiftedClock(SATURDAY_NIGHT)
    first = shifted.now()
    time.sleep(0.02)
    second = shifted.now()
    assert timedelta(0) <= first - SATURDAY_NIGHT < timedelta(seconds=1)
    assert timedelta(milliseconds=20) <= second - first < timedelta(seconds=1)


def test_a_shifted_clock_is_set_and_advanced() -> None:
    shifted = clock.ShiftedClock(SATURDAY_NIGHT)
    shifted.set(datetime(2027, 3, 2, 10, tzinfo=UTC))
    assert shifted.now().date().isoformat() == "2027-03-02"
    shifted.advance(timedelta(days=1))
    assert shifted.now().date().isoformat() == "2027-03-03"


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.ShiftedClock(datetime(2026, 10, 31, 23, 30))


def test_every_test_runs_on_the_run_clock(test_clock: clock.ShiftedClock) -> None:
    test_clock.set(SATURDAY_NIGHT)
    assert timedelta(0) <= clock.now() - SATURDAY_NIGHT < timedelta(seconds=1)

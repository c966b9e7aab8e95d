"""The pure rules of pacing, suggestions and plans (no database), at their edges."""

from __future__ import annotations

from datetime import date

import pytest

from huddle.goals import charts, rules
from huddle.goals.catalogue import BY_KEY
from huddle.goals.rules import Period

VELOCITY, MQLS, WIN_RATE = BY_KEY["velocity"], BY_KEY["mqls"], BY_KEY["win_rate"]


@pytest.mark.parametrize(
    ("projection", "status"), [(20, "on_track"), (30, "on_track"), (33, "at_risk"), (34, "behind")]
)
def test_velocity_is_met_by_going_below_its_target(projection: float, status: str) -> None:
    # At risk up to 30 / 0.9 = 33.3 days.
    assert rules.status(projection, projection, 30, VELOCITY, True) == status


def test_ratios_project_as_they_stand_counts_linearly() -> None:
    march = Period(date(2024, 3, 1), date(2024, 3, 31))
    assert rules.projected(40.0, WIN_RATE, march, date(2024, 3, 10)) == 40.0
    assert rules.projected(3.0, MQLS, march, date(2024, 3, 1)) == 93.0  # 1 of 31 days
    assert rules.projected(3.0, MQLS, march, date(2024, 2, 29)) is None  # not started
    assert rules.projected(3.0, MQLS, march, date(2024, 5, 1)) == 3.0  # over: final


def test_periods_step_back_by_months_or_by_days() -> None:
    march = Period(date(2024, 3, 1), date(2024, 3, 31))
    assert march.whole_months == 1
    assert march.shifted(1) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert march.shifted(3) == Period(date(2023, 12, 1), date(2023, 12, 31))
    quarter = Period(date(2024, 1, 1), date(2024, 3, 31))
    assert quarter.shifted(1) == Period(date(2023, 10, 1), date(2023, 12, 31))
    fortnight = Period(date(2024, 3, 4), date(2024, 3, 17))
    assert fortnight.whole_months == 0
    assert fortnight.shifted(1) == Period(date(2024, 2, 19), date(2024, 3, 3))
    leap = Period(date(2024, 2, 1), date(2024, 2, 29))
    assert leap.year_before() == Period(date(2023, 2, 1), date(2023, 2, 28))


def test_the_trend_skips_periods_without_a_value() -> None:
    assert rules.trend_next([3, 4, 6]) == pytest.approx(22 / 3)
    assert rules.trend_next([None, 4, 6]) == 8  # the line through (2, 4) and (3, 6) at 4
    assert rules.trend_next([None, None, 5]) == 5
    assert rules.trend_next([None, None, None]) is None


def test_the_band_for_a_ratio_stays_a_percentage() -> None:
    band = rules.band(95.0, 98.0, WIN_RATE)
    assert band == rules.Band(comfortable=95.0, suggested=97.5, stretch=100.0)
    slower = rules.band(20.0, 30.0, VELOCITY)
    assert slower == rules.Band(comfortable=30.0, suggested=24.0, stretch=18.0)


def test_checkpoints_end_today() -> None:
    march = Period(date(2024, 3, 1), date(2024, 3, 31))
    assert rules.checkpoints(march, date(2024, 3, 3)) == [
        date(2024, 3, 1),
        date(2024, 3, 2),
        date(2024, 3, 3),
    ]
    assert rules.checkpoints(march, date(2024, 2, 1)) == []


def test_the_sla_term_rate_and_the_customers_a_revenue_needs() -> None:
    assert rules.per_term_period(23, 30, "month") == 24
    assert rules.per_term_period(23, 30, "week") == 6  # 23 x 7 / 30 = 5.37
    assert rules.per_term_period(90, 91, "quarter") == 91  # 90 x 91.3125 / 91 = 90.3
    assert rules.customers_for_revenue(30000, 2, 12000.0) == 5
    assert rules.customers_for_revenue(30001, 2, 12000.0) == 6
    assert rules.customers_for_revenue(30000, 0, 0.0) is None


def test_axes_read_as_round_numbers() -> None:
    assert charts.nice_top(5.25) == 8  # steps of 2
    assert charts.nice_top(9.5) == 10  # steps of 2.5
    assert charts.nice_top(130000) == 200000
    assert charts.nice_top(0) == 4

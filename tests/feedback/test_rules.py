"""The feedback loop's arithmetic, counted by hand."""

from __future__ import annotations

import math

import pytest

from huddle.feedback.rules import (
    Objective,
    ScoreGroup,
    TraitCount,
    best_threshold,
    lift_of,
    ranked_lifts,
    threshold_curve,
    two_proportion_p_value,
    wilson_interval,
)


def test_wilson_interval_matches_the_formula_and_is_none_without_trials() -> None:
    # 8 of 10: centre (0.8 + 1.96²/20) / (1 + 1.96²/10) = 0.7166; half-width 0.2138.
    low, high = wilson_interval(8, 10) or (0, 0)
    assert low == pytest.approx(0.4902, abs=1e-4)
    assert high == pytest.approx(0.9433, abs=1e-4)
    assert wilson_interval(0, 0) is None
    assert wilson_interval(0, 5) == (0.0, pytest.approx(0.4345, abs=1e-4))


def test_two_proportion_p_value_by_hand() -> None:
    # 30/50 against 20/50: pooled 0.5, se = sqrt(0.25 * 0.04) = 0.1, z = 2.0.
    assert two_proportion_p_value(30, 50, 20, 50) == pytest.approx(
        math.erfc(2 / math.sqrt(2)), rel=1e-9
    )
    assert two_proportion_p_value(30, 50, 20, 50) == pytest.approx(0.0455, abs=1e-4)
    # Empty group, or nobody converted at all: the test says nothing.
    assert two_proportion_p_value(3, 3, 0, 0) is None
    assert two_proportion_p_value(0, 4, 0, 6) is None


def test_lift_is_the_rate_with_over_the_base_rate() -> None:
    # 10 contacts, 4 converted; 5 have the trait and 3 of them converted.
    lift = lift_of(TraitCount("seniority", "VP", 5, 3), total=10, converted=4)
    assert (lift.without_count, lift.without_converted) == (5, 1)
    assert lift.rate_with == pytest.approx(0.6)
    assert lift.rate_without == pytest.approx(0.2)
    assert lift.lift == pytest.approx(1.5)


def test_zero_denominators_give_none_not_errors() -> None:
    nobody_converted = lift_of(TraitCount("country", "FR", 3, 0), total=6, converted=0)
    assert nobody_converted.rate_with == 0.0
    assert nobody_converted.lift is None
    assert nobody_converted.p_value is None
    everyone_has_it = lift_of(TraitCount("country", "FR", 6, 2), total=6, converted=2)
    assert everyone_has_it.rate_without is None
    assert everyone_has_it.p_value is None
    assert everyone_has_it.lift == pytest.approx(1.0)


def test_ranking_puts_the_highest_lift_first_and_drops_rare_traits() -> None:
    counts = [
        TraitCount("a", "x", 4, 1),
        TraitCount("b", "y", 4, 3),
        TraitCount("c", "z", 1, 1),
    ]
    ranked = ranked_lifts(counts, total=8, converted=4, min_count=2)
    assert [(r.trait, r.value) for r in ranked] == [("b", "y"), ("a", "x")]


def _contacts() -> list[ScoreGroup]:
    """Seven contacts: 90 (accepted, converted); two at 80 (both accepted, one converted);
    60 (accepted, converted); 50, 40 and 10 (neither)."""
    return [
        ScoreGroup(90, 1, 1, 1),
        ScoreGroup(80, 2, 2, 1),
        ScoreGroup(60, 1, 1, 1),
        ScoreGroup(50, 1, 0, 0),
        ScoreGroup(40, 1, 0, 0),
        ScoreGroup(10, 1, 0, 0),
    ]


def test_threshold_curve_counts_everyone_at_or_above_each_score() -> None:
    curve = threshold_curve(_contacts(), months=2, capacity=2)
    assert [(p.threshold, p.mqls, p.accepted, p.converted) for p in curve] == [
        (10, 7, 4, 3),
        (40, 6, 4, 3),
        (50, 5, 4, 3),
        (60, 4, 4, 3),
        (80, 3, 3, 2),
        (90, 1, 1, 1),
    ]
    # Capacity 2 a month over 2 months: at most 4 MQLs fit.
    assert [p.fits for p in curve] == [False, False, False, True, True, True]


def test_the_objective_picks_among_the_thresholds_that_fit() -> None:
    curve = threshold_curve(_contacts(), months=2, capacity=2)
    most = best_threshold(curve, Objective.CONVERTED)
    assert most is not None and (most.threshold, most.converted, most.per_month) == (60, 3, 2.0)
    assert most.acceptance == 1.0
    best_rate = best_threshold(curve, Objective.RATE)
    assert best_rate is not None and best_rate.threshold == 90
    # Without a capacity the lowest threshold with the most converted wins the tie by height.
    unlimited = best_threshold(
        threshold_curve(_contacts(), months=2, capacity=None), Objective.CONVERTED
    )
    assert unlimited is not None and unlimited.threshold == 60


def test_no_threshold_fits_or_no_contacts() -> None:
    assert (
        best_threshold(threshold_curve(_contacts(), months=1, capacity=0), Objective.CONVERTED)
        is None
    )
    assert threshold_curve([], months=3, capacity=5) == []

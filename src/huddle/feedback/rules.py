"""The feedback loop's arithmetic, pure: no database, no clock.

Lift. For a trait (``seniority = VP``, ``touched: webinar_attended``) the contacts of the
window split into those *with* it and those *without*. ``rate_with`` is the share of those
with it that converted; ``lift`` is ``rate_with`` over the base rate (the share of every
contact of the window that converted): 2.0 means twice as likely as the average contact.
Confidence is the two-sided p-value of a two-proportion z-test (pooled) comparing the
rate with the trait to the rate without it, and the Wilson 95% interval of ``rate_with``.
Any rate whose denominator is zero is None, and so is whatever needs it.

Threshold. Each distinct score is a candidate threshold ``t``: the contacts scoring at
least ``t`` would have been the MQLs. Sales capacity is a number of MQLs per month; a
threshold fits when its MQLs divided by the window's months is at most the capacity. Of
the fitting thresholds, objective ``converted`` takes the one with the most MQLs that
converted (ties: the higher threshold, fewer MQLs for the same result); ``rate`` the one
whose MQLs converted at the highest rate (ties: the lower threshold, more volume).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

Z_95 = 1.959963984540054


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (95% by default); None for no trials."""
    if trials == 0:
        return None
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def two_proportion_p_value(hits_a: int, n_a: int, hits_b: int, n_b: int) -> float | None:
    """Two-sided p-value of the pooled two-proportion z-test; None when either group is
    empty or nobody (or everybody) converted, where the test says nothing."""
    if n_a == 0 or n_b == 0:
        return None
    pooled = (hits_a + hits_b) / (n_a + n_b)
    variance = pooled * (1 - pooled) * (1 / n_a + 1 / n_b)
    if variance == 0:
        return None
    z = (hits_a / n_a - hits_b / n_b) / math.sqrt(variance)
    return math.erfc(abs(z) / math.sqrt(2))


@dataclass(frozen=True)
class TraitCount:
    """How many contacts of the window have the trait and how many of those converted."""

    trait: str
    value: str
    with_count: int
    with_converted: int


@dataclass(frozen=True)
class Lift:
    trait: str
    value: str
    with_count: int
    with_converted: int
    without_count: int
    without_converted: int
    rate_with: float | None
    rate_without: float | None
    lift: float | None
    p_value: float | None
    interval: tuple[float, float] | None


def lift_of(count: TraitCount, *, total: int, converted: int) -> Lift:
    """One trait's lift and confidence, given the window's totals."""
    without_count = total - count.with_count
    without_converted = converted - count.with_converted
    rate_with = ratio(count.with_converted, count.with_count)
    base = ratio(converted, total)
    return Lift(
        trait=count.trait,
        value=count.value,
        with_count=count.with_count,
        with_converted=count.with_converted,
        without_count=without_count,
        without_converted=without_converted,
        rate_with=rate_with,
        rate_without=ratio(without_converted, without_count),
        lift=rate_with / base if rate_with is not None and base else None,
        p_value=two_proportion_p_value(
            count.with_converted, count.with_count, without_converted, without_count
        ),
        interval=wilson_interval(count.with_converted, count.with_count),
    )


def ranked_lifts(
    counts: Iterable[TraitCount], *, total: int, converted: int, min_count: int = 1
) -> list[Lift]:
    """Traits held by at least ``min_count`` contacts, the most lifting first (then the
    commoner, then by name); traits with no lift (nobody converted) last."""
    lifts = [
        lift_of(c, total=total, converted=converted) for c in counts if c.with_count >= min_count
    ]
    return sorted(
        lifts,
        key=lambda x: (x.lift is None, -(x.lift or 0.0), -x.with_count, x.trait, x.value),
    )


class Objective(StrEnum):
    CONVERTED = "converted"  # the most MQLs that converted
    RATE = "rate"  # the MQLs that converted at the highest rate


@dataclass(frozen=True)
class ScoreGroup:
    """The window's contacts with one score: how many, how many sales accepted, how many
    converted."""

    score: float
    count: int
    accepted: int
    converted: int


@dataclass(frozen=True)
class ThresholdPoint:
    threshold: float
    mqls: int
    accepted: int
    converted: int
    per_month: float
    fits: bool

    @property
    def acceptance(self) -> float | None:
        return ratio(self.accepted, self.mqls)

    @property
    def conversion(self) -> float | None:
        return ratio(self.converted, self.mqls)


def threshold_curve(
    groups: Iterable[ScoreGroup], *, months: int, capacity: int | None
) -> list[ThresholdPoint]:
    """Every distinct score as a threshold, lowest first, with what it would have made."""
    points: list[ThresholdPoint] = []
    mqls = accepted = converted = 0
    for group in sorted(groups, key=lambda g: -g.score):
        mqls += group.count
        accepted += group.accepted
        converted += group.converted
        per_month = mqls / months
        points.append(
            ThresholdPoint(
                threshold=group.score,
                mqls=mqls,
                accepted=accepted,
                converted=converted,
                per_month=per_month,
                fits=capacity is None or per_month <= capacity,
            )
        )
    return points[::-1]


def best_threshold(points: list[ThresholdPoint], objective: Objective) -> ThresholdPoint | None:
    """The fitting threshold the objective prefers; None when none fits."""
    fitting = [p for p in points if p.fits and p.mqls]
    if not fitting:
        return None
    if objective is Objective.CONVERTED:
        return max(fitting, key=lambda p: (p.converted, p.threshold))
    return max(fitting, key=lambda p: (p.conversion or 0.0, -p.threshold))

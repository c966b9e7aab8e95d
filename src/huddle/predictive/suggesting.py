"""Suggested rule points from the history, pure: no database.

For each value of a category column (industry = Software) seen on enough leads, the
evidence (how many leads, how many reached the target, their rate against the average) and
the points a rule would give it. Points are on one scale whatever their origin: 10 points
for each doubling of the odds (a trained logistic model's coefficient, in log-odds) or of
the conversion rate against the average (without a model). A value converting 2.3x the
average gets about +12, one converting half as often -10.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from huddle.predictive.learning import Table

POINTS_PER_DOUBLING = 10
# Points are kept within this, and a value whose points round below MIN_POINTS is not worth
# a rule.
MAX_POINTS = 30
MIN_POINTS = 2
# A value's rate is pulled toward the average as if it had this many more leads at the
# average rate: a handful of lucky leads does not make a strong rule.
SHRINK_LEADS = 5


@dataclass(frozen=True)
class Evidence:
    """What the history says of one value of one column."""

    column: str
    value: str
    leads: int
    reached: int
    # The value's conversion rate (shrunk toward the average) over the average rate.
    ratio: float


def evidence(table: Table, columns: list[str], *, min_support: int) -> list[Evidence]:
    """Each value of the category ``columns`` seen on at least ``min_support`` leads (the
    rest are too few to say anything; missing values are no rule's business)."""
    total = len(table)
    if not total:
        return []
    average = sum(table.label) / total
    out = []
    for column in columns:
        counts: dict[str, list[int]] = {}
        for value, outcome in zip(table.columns[column], table.label, strict=True):
            if value is not None:
                entry = counts.setdefault(str(value), [0, 0])
                entry[0] += 1
                entry[1] += outcome
        for value, (leads, reached) in sorted(counts.items()):
            if leads < min_support or average == 0:
                continue
            rate = (reached + average * SHRINK_LEADS) / (leads + SHRINK_LEADS)
            out.append(Evidence(column, value, leads, reached, rate / average))
    return out


def points_from_ratio(ratio: float) -> int:
    """10 points per doubling of the conversion rate against the average."""
    return _bounded(POINTS_PER_DOUBLING * math.log2(max(ratio, 1e-6)))


def points_from_coefficient(coefficient: float) -> int:
    """10 points per doubling of the odds (a logistic coefficient is in natural log-odds)."""
    return _bounded(POINTS_PER_DOUBLING * coefficient / math.log(2))


def _bounded(points: float) -> int:
    return max(-MAX_POINTS, min(MAX_POINTS, round(points)))


def worth_a_rule(points: int) -> bool:
    return abs(points) >= MIN_POINTS


def coefficients_by_value(
    feature_names: list[str], coefficients: list[float], columns: list[str]
) -> Mapping[tuple[str, str], float]:
    """A logistic model's coefficient of each one-hot category (``industry_Software`` ->
    (industry, Software)); numbers, missing indicators and pooled rare values left out."""
    out = {}
    for name, coefficient in zip(feature_names, coefficients, strict=True):
        column = max((c for c in columns if name.startswith(f"{c}_")), key=len, default=None)
        if column is None or name.startswith("missingindicator_"):
            continue
        value = name.removeprefix(f"{column}_")
        if value not in ("infrequent_sklearn", "(missing)"):
            out[(column, value)] = coefficient
    return out

"""Suggested rule points from the history, pure: no database.

For each value of a category column (industry = Software) seen on enough leads, the
evidence (how many leads, how many reached the target, their rate against the average) and
the points a rule would give it: 10 points for each doubling of the conversion rate against
the average. A value converting 2.3x the average gets about +12, one converting half as
often -10.

With a trained logistic model, its coefficients decide instead: they weigh each value with
the other fields held equal (Software leads that convert because they are also large
companies do not get the size's points twice). Regularisation shrinks coefficients (the
more, the less history), so they are put on the rates' scale: multiplied by the factor that
makes their total size that of the rates' points, the model keeping the direction and the
proportions.
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


def points(
    found: list[Evidence], coefficients: Mapping[tuple[str, str], float] | None = None
) -> list[int]:
    """Each value's points: from its conversion rate, or from the model's ``coefficients``
    on the rates' scale (a value the model has no coefficient for, pooled with the rare
    ones, gets 0: no rule)."""
    by_rate = [POINTS_PER_DOUBLING * math.log2(max(e.ratio, 1e-6)) for e in found]
    if coefficients is None:
        return [_bounded(p) for p in by_rate]
    weights = [coefficients.get((e.column, e.value), 0.0) for e in found]
    size = sum(abs(w) for w in weights)
    if size == 0:
        return [0] * len(found)
    scale = sum(abs(p) for p, w in zip(by_rate, weights, strict=True) if w) / size
    return [_bounded(w * scale) for w in weights]


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

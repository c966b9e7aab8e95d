"""The metrics a goal may be set on, and what each one counts. Every value comes from the
analytics (or SLA) service for a range of whole days in the workspace's time zone, so a goal,
the KPI dashboard and /analytics always show the same number for the same days."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"  # contacts; adds up over days
    AMOUNT = "amount"  # money; adds up over days
    PERCENT = "percent"  # a ratio; does not add up
    DAYS = "days"  # a duration; does not add up


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    kind: Kind
    description: str
    # Velocity: a goal is met by going below its target.
    lower_is_better: bool = False
    # Whether a segment (a condition on contacts) can narrow it: the funnel's figures can;
    # deals and SLA clocks are counted for everyone.
    segmentable: bool = True

    @property
    def cumulative(self) -> bool:
        """Counts and amounts grow through the period; ratios and durations do not."""
        return self.kind in (Kind.COUNT, Kind.AMOUNT)


METRICS: tuple[Metric, ...] = (
    Metric("mqls", "MQLs", Kind.COUNT, "Contacts that first reached MQL in the period"),
    Metric("sals", "SALs", Kind.COUNT, "Contacts that first reached SAL in the period"),
    Metric("sqls", "SQLs", Kind.COUNT, "Contacts that first reached SQL in the period"),
    Metric(
        "new_customers",
        "New customers",
        Kind.COUNT,
        "Contacts that first reached Customer in the period",
    ),
    Metric(
        "revenue",
        "Revenue won",
        Kind.AMOUNT,
        "Amount of the deals closed won in the period",
        segmentable=False,
    ),
    Metric(
        "win_rate",
        "Deal win rate",
        Kind.PERCENT,
        "Deals won of the deals closed (won or lost) in the period",
        segmentable=False,
    ),
    Metric(
        "acceptance_rate",
        "MQL → SAL acceptance",
        Kind.PERCENT,
        "Of the contacts that entered the funnel in the period, SALs of MQLs (cohort rule)",
    ),
    Metric(
        "sla_compliance",
        "SLA compliance",
        Kind.PERCENT,
        "SLA clocks started in the period met in time, of those met or breached",
        segmentable=False,
    ),
    Metric(
        "velocity",
        "Lead → customer (median days)",
        Kind.DAYS,
        "Median days from Lead to Customer of the contacts that became customers in the period",
        lower_is_better=True,
    ),
)
BY_KEY = {m.key: m for m in METRICS}
# Reverse-funnel planning starts from one of these.
PLAN_TARGETS = ("revenue", "new_customers")


def metric(key: str) -> Metric:
    return BY_KEY[key]

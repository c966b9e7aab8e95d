"""ICP discovery, pure: which kinds of account are over-represented among the best customers.

Every account is described by a few segment values (industry, country, region, an employee
band, a revenue band, text and choice custom fields). Customers (a won deal, or a contact
that became Customer) are ranked by value (won deal amounts) and tenure (days since they
first became customers), each as a percentile, averaged; the best are the top share of
them. A segment's *support* is how many of the best customers it holds; its *lift* is its
share of the best customers over its share of all accounts (2.0: twice as common among
the best as in the book). Segments under the minimum support are skipped: three accounts
out of three is a coincidence, not a profile.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# (label, lowest, highest): highest None is open-ended. Common firmographic bands.
EMPLOYEE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("1-10", 1, 10),
    ("11-50", 11, 50),
    ("51-200", 51, 200),
    ("201-1,000", 201, 1000),
    ("1,001-5,000", 1001, 5000),
    ("5,001+", 5001, None),
)
REVENUE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("under $1M", 0, 999_999),
    ("$1M-$10M", 1_000_000, 9_999_999),
    ("$10M-$50M", 10_000_000, 49_999_999),
    ("$50M-$250M", 50_000_000, 249_999_999),
    ("$250M-$1B", 250_000_000, 999_999_999),
    ("$1B+", 1_000_000_000, None),
)
# Where each attribute lives in the condition language, and its name in words.
FIELDS = {
    "industry": ("account.industry", "Industry"),
    "country": ("account.country", "Country"),
    "region": ("account.region", "Region"),
    "employees": ("account.employee_count", "Employees"),
    "revenue": ("account.annual_revenue", "Revenue"),
}
BANDS = {"employees": EMPLOYEE_BANDS, "revenue": REVENUE_BANDS}
# Criteria in a draft, at most: an ICP people can read.
DRAFT_SIZE = 6


@dataclass(frozen=True)
class AccountHistory:
    """One account as discovery reads it. ``segments``: attribute -> value (banded)."""

    account_id: int
    segments: dict[str, str]
    is_customer: bool
    value: float  # won deal amounts
    tenure_days: float  # since it first became a customer (0 if not one)


@dataclass(frozen=True)
class Segment:
    attribute: str  # industry, employees, custom.<key> ...
    value: str
    support: int  # best customers in the segment
    best_share: float  # support / best customers
    accounts: int  # accounts in the segment
    base_share: float  # accounts / all accounts
    lift: float

    @property
    def label(self) -> str:
        name = FIELDS[self.attribute][1] if self.attribute in FIELDS else self.attribute
        return f"{name.removeprefix('custom.')} is {self.value}"


@dataclass(frozen=True)
class Discovery:
    accounts: int
    customers: int
    best: int
    segments: list[Segment]  # over-represented (lift >= min_lift), highest lift first
    skipped_small: int  # over-represented segments under the minimum support
    min_support: int
    min_lift: float


def band_of(value: float | None, bands: Sequence[tuple[str, int, int | None]]) -> str | None:
    if value is None:
        return None
    return next(
        (label for label, low, high in bands if value >= low and (high is None or value <= high)),
        None,
    )


def percentiles(values: Sequence[float]) -> list[float]:
    """Each value's rank among ``values`` as 0..1 (ties share their average rank)."""
    if len(values) < 2:
        return [1.0] * len(values)
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 / (len(values) - 1)
        i = j + 1
    return ranks


def best_customers(accounts: Sequence[AccountHistory], share: float) -> list[AccountHistory]:
    """The top ``share`` of customers by the average of their value and tenure percentiles
    (at least one; ties broken by account id for a stable answer)."""
    customers = [a for a in accounts if a.is_customer]
    if not customers:
        return []
    value = percentiles([c.value for c in customers])
    tenure = percentiles([c.tenure_days for c in customers])
    ranked = sorted(
        range(len(customers)),
        key=lambda i: (-(value[i] + tenure[i]) / 2, customers[i].account_id),
    )
    kept = max(1, math.ceil(len(customers) * share))
    return [customers[i] for i in ranked[:kept]]


def discover(
    accounts: Sequence[AccountHistory],
    *,
    best_share: float = 0.5,
    min_support: int = 3,
    min_lift: float = 1.5,
) -> Discovery:
    """Segments over-represented among the best customers against all accounts."""
    best = best_customers(accounts, best_share)
    in_best = _counts(best)
    in_all = _counts(accounts)
    found: list[Segment] = []
    skipped = 0
    for key, support in in_best.items():
        segment = Segment(
            attribute=key[0],
            value=key[1],
            support=support,
            best_share=support / len(best),
            accounts=in_all[key],
            base_share=in_all[key] / len(accounts),
            lift=(support / len(best)) / (in_all[key] / len(accounts)),
        )
        if segment.lift < min_lift:
            continue
        if support < min_support:
            skipped += 1
            continue
        found.append(segment)
    found.sort(key=lambda s: (-s.lift, -s.support, s.attribute, s.value))
    return Discovery(
        accounts=len(accounts),
        customers=sum(1 for a in accounts if a.is_customer),
        best=len(best),
        segments=found,
        skipped_small=skipped,
        min_support=min_support,
        min_lift=min_lift,
    )


def _counts(accounts: Sequence[AccountHistory]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for account in accounts:
        for attribute, value in account.segments.items():
            counts[(attribute, value)] = counts.get((attribute, value), 0) + 1
    return counts


def condition_of(segment: Segment) -> dict[str, Any]:
    """The segment in the condition language (what the ICP editor and grading read)."""
    if segment.attribute in BANDS:
        field = FIELDS[segment.attribute][0]
        _, low, high = next(b for b in BANDS[segment.attribute] if b[0] == segment.value)
        if high is None:
            return {"field": field, "op": "gte", "value": low}
        return {"field": field, "op": "between", "value": [low, high]}
    if segment.attribute in FIELDS:
        return {"field": FIELDS[segment.attribute][0], "op": "eq", "value": segment.value}
    return {"field": f"account.{segment.attribute}", "op": "eq", "value": segment.value}


def icp_draft(segments: Sequence[Segment]) -> list[dict[str, Any]]:
    """The strongest segments as weighted ICP criteria (weight = lift x 10, 1..100), one per
    attribute (its highest-lift value): an account is in one industry at a time."""
    criteria: list[dict[str, Any]] = []
    taken: set[str] = set()
    for segment in segments:
        if segment.attribute in taken or len(criteria) == DRAFT_SIZE:
            continue
        taken.add(segment.attribute)
        criteria.append(
            {
                "label": f"{segment.label} ({segment.lift:.1f}x lift)",
                "weight": max(1, min(100, round(segment.lift * 10))),
                "when": condition_of(segment),
            }
        )
    return criteria

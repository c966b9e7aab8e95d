"""How the funnel and velocity count: the rules, written down once, and the pure helpers
that apply them (no database, no clock).

**Reaching a stage.** A contact has *reached* a funnel stage when its stage history has an
entry into that stage or into any later funnel stage (Subscriber, Lead, MQL, SAL, SQL,
Opportunity, Customer, in that order). A contact that goes Lead → SQL has reached MQL and
SAL too, at the moment it entered SQL: a skipped stage is passed, not missed, so conversion
between consecutive stages never passes 100%. The moment a contact reached a stage is the
earliest such entry.

**Re-entry.** A contact is counted once per stage: leaving a stage and entering it again
(MQL → Recycled → MQL) does not count it twice, in either view.

**Recycled leads.** One contact, one journey: a recycled lead that qualifies again stays in
the cohort of the month it first entered the funnel, and its stages count at the moment it
first reached them. Its later re-qualification is not a new MQL (the period view counts the
first time a contact reaches each stage, so every contact is in at most one period's MQLs).

**Lost, then won later.** Lost, Disqualified and Recycled sit beside the funnel: entering
them removes nothing already reached. A contact lost at SQL that later becomes a customer
counts as a customer (in its first cohort); its loss still shows in "where contacts leave".

**Cohort view.** Contacts grouped by the month (in the workspace's time zone) they first
entered any funnel stage; for each cohort, how many of them have reached each stage by now.
**Period view.** For each stage, the contacts that first reached it within the date range.

**Time zone.** Months and date ranges are in the workspace's time zone: the company
calendar's (Settings → SLA calendars, scope ``company``), UTC when there is none. A contact
entering at 23:30 on 31 October in New York belongs to October, though it is November in UTC.

**Zero denominators.** A conversion whose denominator is 0 has no value: ``null`` in the API
and the CSV, "—" on the page (never 0%).

**Velocity.** The time between two stages is measured only on contacts that entered both
stages themselves, from their first entry into the first to their first entry into the
second (a contact that skipped one is in neither pair that touches it), and counted in the
period of its arrival in the second stage. "First touch → customer" runs from the contact's
first touch to its first entry into Customer. Median and 80th percentile interpolate
linearly between the two nearest values (PostgreSQL's ``percentile_cont``); durations are
whole seconds.

**Where contacts leave.** Distinct contacts that moved from a stage into Lost, Disqualified or
Recycled within the range, by the stage they left. **Stalled**: contacts in a funnel stage now
that entered it more than ``STALL_DAYS`` days before the end of the range.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from huddle.core.stages import FUNNEL, STAGES

# The stages a contact leaves the funnel for.
EXIT_STAGES: tuple[str, ...] = tuple(s for s in STAGES if s not in FUNNEL)
# Consecutive funnel stages whose time apart velocity measures (Subscriber is left out: most
# contacts start as leads), then the two end-to-end spans.
FIRST_TOUCH = "first_touch"
VELOCITY_PAIRS: tuple[tuple[str, str], ...] = (
    *itertools.pairwise(FUNNEL[1:]),
    ("lead", "customer"),
    # Marketing's hand-over to revenue: what a funnel export that starts at MQL measures.
    ("mql", "customer"),
    (FIRST_TOUCH, "customer"),
)
STALL_DAYS = 30
# The quantiles velocity reports (the median and the 80th percentile).
QUANTILES: tuple[float, ...] = (0.5, 0.8)
# The velocity distribution's buckets: upper bounds in days (the last one is open).
DURATION_BUCKETS_DAYS: tuple[int, ...] = (1, 3, 7, 14, 30, 60, 90)


def reached_from(stage: str) -> tuple[str, ...]:
    """The stages whose entry counts as reaching ``stage``: it and every later funnel stage."""
    return FUNNEL[FUNNEL.index(stage) :]


def percent(numerator: int, denominator: int) -> float | None:
    """``numerator`` of ``denominator`` in percent to one decimal; None when there is none."""
    if denominator == 0:
        return None
    return round(100 * numerator / denominator, 1)


@dataclass(frozen=True)
class DateRange:
    """Whole days ``start``..``end`` (both included) in the time zone ``zone``."""

    start: date
    end: date
    zone: str = "UTC"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def start_at(self) -> datetime:
        return local_midnight(self.start, self.tz)

    @property
    def end_at(self) -> datetime:
        """The instant after the range (midnight starting the day after ``end``)."""
        return local_midnight(self.end + timedelta(days=1), self.tz)

    def months(self) -> list[date]:
        """The first day of each month the range touches, in order."""
        first = self.start.replace(day=1)
        out = []
        while first <= self.end:
            out.append(first)
            first = next_month(first)
        return out

    def month_bounds(self) -> list[datetime]:
        """The UTC instants where each month of the range starts, then the one after the
        last month ends: cohort ``i`` is ``[bounds[i], bounds[i + 1])``."""
        months = self.months()
        return [local_midnight(m, self.tz) for m in [*months, next_month(months[-1])]]


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def quantile_positions(n: int, q: float) -> tuple[int, int, float]:
    """The 0-based positions of the two values around quantile ``q`` of ``n`` sorted values,
    and the weight of the upper one (linear interpolation). Exact fractions: the positions
    are whole-number arithmetic (``(n - 1) * 4 // 5``), the ones the database is asked for
    (repository.span_figures) and the next is at most one further."""
    h = (n - 1) * Fraction(q).limit_denominator(1000)
    low = math.floor(h)
    return low, math.ceil(h), float(h - low)


def quantile(sorted_values: Sequence[float], q: float) -> float | None:
    """Quantile ``q`` of values already sorted (None for none), interpolated linearly."""
    if not sorted_values:
        return None
    low, high, weight = quantile_positions(len(sorted_values), q)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * weight


def duration_bucket(seconds: float) -> int:
    """The index of the velocity distribution's bucket a duration falls in."""
    days = seconds / 86400
    for i, bound in enumerate(DURATION_BUCKETS_DAYS):
        if days < bound:
            return i
    return len(DURATION_BUCKETS_DAYS)


def bucket_labels() -> list[str]:
    bounds = DURATION_BUCKETS_DAYS
    labels = [f"< {bounds[0]} d"]
    labels += [f"{a}-{b} d" for a, b in itertools.pairwise(bounds)]
    return [*labels, f"≥ {bounds[-1]} d"]

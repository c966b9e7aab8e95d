"""How goals pace, how a target is suggested and how a plan works back through the funnel:
the rules, written down once, as pure functions (no database, no clock).

**Progress.** A goal's value so far is its metric measured by the analytics service over
the goal's days from its first day through today (or its last day, once it is over), days in
the workspace's time zone: the same figure /analytics shows for those days.

**Pacing.** Linear on the elapsed share of the period's *days*: today counts as elapsed (the
value so far includes it), so on the first day 1 of 30 days has elapsed. A count or an
amount is projected to ``value * total days ÷ elapsed days``; a ratio (win rate, acceptance,
SLA compliance) or a duration (velocity) does not add up over days, so its projection is
its value so far. The projection against the target says the status: *on track* when it
reaches the target, *at risk* within 10% of it (≥ 90% of the target; for velocity, where
lower is better, at most target ÷ 0.9), else *behind*. Before the first day a goal is *not
started*; a ratio with no denominator yet (no closed deal, no MQL) has *no data*.

**Suggested target.** From history: the trailing trend, a straight line (least squares)
through the metric in the three periods of the same length just before the goal (whole
calendar months when the goal is whole months), continued one period; and the same period
last year. The band runs from *comfortable*, the lower of the two (the higher for velocity),
to *stretch*, the higher plus 10% (the lower less 10% for velocity); the suggestion is the
middle. A period with no value (a ratio with a zero denominator) is left out of the line;
with one value the line is flat; with none there is no trend.

**Reverse-funnel plan.** From a revenue or new-customer target: customers needed =
⌈revenue ÷ average won deal⌉ (one won deal per new customer; the average is the amount won
÷ deals won over the history range). Then back through the funnel, each stage needs
⌈needed at the next stage * reached this stage ÷ reached the next⌉, with the counts of the
cohort funnel (contacts that entered in the history range and how far they got: the
counting rules of analytics). A stage nobody reached leaves its rate unknown; a stage
nobody left for the next one makes the target unreachable at that rate: the plan stops
there and says which. *By when*: the last stage by the period's last day, each earlier one
the median days between the two stages (rounded up) earlier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from huddle.goals.catalogue import Kind, Metric

AT_RISK_SHARE = Fraction(9, 10)
STRETCH = Fraction(1, 10)
TRAILING_PERIODS = 3
# Points on a goal's pacing chart (the last is today).
CHART_POINTS = 8


@dataclass(frozen=True)
class Period:
    """Whole days ``start``..``end``, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def elapsed_days(self, today: date) -> int:
        """Days from the first through today (today counts), 0 before, all after."""
        return max(0, min(self.days, (today - self.start).days + 1))

    def through(self, today: date) -> date:
        return min(self.end, today)

    @property
    def whole_months(self) -> int:
        """How many calendar months the period is, when it is whole months; else 0."""
        if self.start.day != 1 or (self.end + timedelta(days=1)).day != 1:
            return 0
        after = self.end + timedelta(days=1)
        return (after.year - self.start.year) * 12 + after.month - self.start.month

    def shifted(self, periods: int) -> Period:
        """The period ``periods`` lengths earlier (negative: later); whole months move by
        months, anything else by days."""
        months = self.whole_months
        if months:
            start = add_months(self.start, -months * periods)
            end = add_months(self.end + timedelta(days=1), -months * periods) - timedelta(days=1)
            return Period(start, end)
        step = timedelta(days=self.days * periods)
        return Period(self.start - step, self.end - step)

    def year_before(self) -> Period:
        return Period(year_before(self.start), year_before(self.end))


def add_months(first: date, months: int) -> date:
    """The first of the month ``months`` after (before) ``first``, a first of a month."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def year_before(day: date) -> date:
    """The same day a year earlier; 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def rounded(value: float, metric: Metric) -> float:
    """As a figure of ``metric`` is shown: whole contacts, cents, tenths of a percent/day."""
    if metric.kind is Kind.COUNT:
        return float(math.floor(value + 0.5))
    return round(value, 2 if metric.kind is Kind.AMOUNT else 1)


# --- pacing ---------------------------------------------------------------------------------


def projected(value: float | None, metric: Metric, period: Period, today: date) -> float | None:
    """The value at the end of the period, from the value so far (linear on elapsed days)."""
    elapsed = period.elapsed_days(today)
    if value is None or elapsed == 0:
        return None
    if not metric.cumulative:
        return value
    return round(value * period.days / elapsed, 2)


def status(
    value: float | None, projection: float | None, target: float, metric: Metric, started: bool
) -> str:
    """``on_track``, ``at_risk``, ``behind``, ``not_started`` or ``no_data``."""
    if not started:
        return "not_started"
    if value is None or projection is None:
        return "no_data"
    reach, aim = Fraction(projection), Fraction(target)
    if metric.lower_is_better:
        if reach <= aim:
            return "on_track"
        return "at_risk" if reach * AT_RISK_SHARE <= aim else "behind"
    if reach >= aim:
        return "on_track"
    return "at_risk" if reach >= aim * AT_RISK_SHARE else "behind"


def checkpoints(period: Period, today: date, points: int = CHART_POINTS) -> list[date]:
    """Up to ``points`` days from the first through today (or the last day), evenly spread,
    the last one today: where the pacing chart measures the value so far."""
    elapsed = period.elapsed_days(today)
    chosen = sorted({math.ceil(elapsed * k / points) for k in range(1, points + 1)} - {0})
    return [period.start + timedelta(days=i - 1) for i in chosen]


# --- suggestion -----------------------------------------------------------------------------


def trend_next(values: Sequence[float | None]) -> float | None:
    """The least-squares line through the known values (at x = 1, 2, ...) at the next x."""
    known = [(Fraction(x), Fraction(v)) for x, v in enumerate(values, start=1) if v is not None]
    if not known:
        return None
    if len(known) == 1:
        return float(known[0][1])
    n = len(known)
    mean_x = sum(x for x, _ in known) / n
    mean_y = sum(y for _, y in known) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in known) / sum(
        (x - mean_x) ** 2 for x, _ in known
    )
    return float(mean_y + slope * (len(values) + 1 - mean_x))


@dataclass(frozen=True)
class Band:
    comfortable: float
    suggested: float
    stretch: float


def clamp(value: float, metric: Metric) -> float:
    value = max(0.0, value)
    return min(100.0, value) if metric.kind is Kind.PERCENT else value


def band(trend: float | None, last_year: float | None, metric: Metric) -> Band | None:
    """Comfortable to stretch from the trend and last year (see the module's rules)."""
    estimates = [clamp(e, metric) for e in (trend, last_year) if e is not None]
    if not estimates:
        return None
    if metric.lower_is_better:
        comfortable, stretch = max(estimates), min(estimates) * float(1 - STRETCH)
    else:
        comfortable, stretch = min(estimates), clamp(max(estimates) * float(1 + STRETCH), metric)
    low, high = rounded(comfortable, metric), rounded(stretch, metric)
    return Band(low, rounded((comfortable + stretch) / 2, metric), high)


# --- the plan -------------------------------------------------------------------------------


def customers_for_revenue(target: float, won: int, won_amount: float) -> int | None:
    """⌈target ÷ average won deal⌉; None when no deal was won (no average)."""
    if won == 0 or won_amount <= 0:
        return None
    amount = Fraction(str(round(won_amount, 2)))
    return math.ceil(Fraction(str(target)) * won / amount)


@dataclass(frozen=True)
class Need:
    stage: str
    needed: int | None
    # Reached this stage / reached the next, in the history (None for the last stage).
    reached: int
    next_reached: int | None
    problem: str | None = None


def work_back(customers: int, stages: Sequence[str], reached: dict[str, int]) -> list[Need]:
    """Each stage's volume needed for ``customers`` at the last of ``stages``, from the
    history's reached counts; once a rate is unknown or zero, the earlier stages stay None."""
    needs = [Need(stages[-1], customers, reached[stages[-1]], None)]
    needed: int | None = customers
    for stage, after in zip(reversed(stages[:-1]), reversed(stages[1:]), strict=True):
        problem = None
        if needed is not None and reached[stage] == 0:
            problem = "unknown rate"
            needed = None
        elif needed is not None and reached[after] == 0:
            problem = "zero rate"
            needed = None
        elif needed is not None:
            needed = math.ceil(Fraction(needed * reached[stage], reached[after]))
        needs.append(Need(stage, needed, reached[stage], reached[after], problem))
    return list(reversed(needs))


def deadlines(
    end: date, stages: Sequence[str], median_days: dict[str, float | None]
) -> list[date | None]:
    """The day each stage must be reached by: the last on ``end``, each earlier one the
    median days to the next (rounded up) before it. ``median_days`` by "a>b"."""
    by: list[date | None] = [end]
    current: date | None = end
    for stage, after in zip(reversed(stages[:-1]), reversed(stages[1:]), strict=True):
        days = median_days.get(f"{stage}>{after}")
        current = (
            None if current is None or days is None else current - timedelta(days=math.ceil(days))
        )
        by.append(current)
    return list(reversed(by))


TERM_PERIOD_DAYS = {
    "week": Fraction(7),
    "month": Fraction(1461, 48),  # a twelfth of 365.25 days
    "quarter": Fraction(1461, 16),
}


def per_term_period(total: int, days: int, period: str) -> int:
    """A period's volume as the SLA term's rate: ⌈total * term period's days ÷ days⌉."""
    return math.ceil(total * TERM_PERIOD_DAYS[period] / days)

"""The goals' JSON shapes for /api/v1 (the pages' forms build the same ones). Figures whose
denominator is 0 are null (the pages show "—")."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from huddle.core.schemas import InputModel, ReadModel
from huddle.core.text import refuse_control_characters
from huddle.scoring.schemas import Segment

MetricKey = Literal[
    "mqls",
    "sals",
    "sqls",
    "new_customers",
    "revenue",
    "win_rate",
    "acceptance_rate",
    "sla_compliance",
    "velocity",
]
PlanTarget = Literal["revenue", "new_customers"]
Team = Literal["marketing", "sales", "customer_success", "product", "revops"]
Status = Literal["on_track", "at_risk", "behind", "not_started", "no_data"]
# Kept to cents (the column's scale): a smaller target would be stored as 0.
Target = Annotated[float, Field(ge=0.01, le=1_000_000_000_000)]
# Periods are kept to five years (within analytics' longest range), in years history can reach back
# from (a suggestion reads 30 years back at most) without leaving the calendar.
MAX_DAYS = 1827
FIRST_YEAR, LAST_YEAR = 1900, 2999


# A record condition (the language of MQL criteria and routing rules) narrowing the funnel.
SegmentCondition = Annotated[dict[str, Any] | None, Segment]


def _one_line(value: str) -> str:
    return refuse_control_characters(value.strip(), single_line=True)


Line = Annotated[str, AfterValidator(_one_line), Field(min_length=1, max_length=200)]


class MetricRead(ReadModel):
    key: MetricKey
    label: str
    kind: Literal["count", "amount", "percent", "days"]
    description: str
    lower_is_better: bool = Field(description="Velocity: the goal is to go below the target")
    segmentable: bool = Field(description="Whether a segment can narrow it")


class _Period(InputModel):
    starts_on: date = Field(description="First day (workspace time zone)")
    ends_on: date = Field(description="Last day, included")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not FIRST_YEAR <= self.starts_on.year <= self.ends_on.year <= LAST_YEAR:
            raise PydanticCustomError(
                "date_years", f"dates are between {FIRST_YEAR} and {LAST_YEAR}"
            )
        if self.ends_on < self.starts_on:
            raise PydanticCustomError("date_order", "ends before it starts")
        if (self.ends_on - self.starts_on).days >= MAX_DAYS:
            raise PydanticCustomError("too_long", "a period is at most five years")
        return self


class GoalWrite(_Period):
    """A goal as created or replaced. ``segment``: a record condition (the language of MQL
    criteria and routing rules, e.g. ``{"field": "account.region", "op": "eq", "value":
    "EMEA"}``) narrowing the funnel's contacts; only the funnel's metrics take one."""

    name: Line
    metric: MetricKey
    target: Target = Field(description="For percent metrics at most 100")
    owner_teams: Annotated[list[Team], Field(min_length=1, max_length=5)]
    segment: SegmentCondition = None


class GoalRead(ReadModel):
    id: int
    name: str
    metric: MetricKey
    target: float
    starts_on: date
    ends_on: date
    owner_teams: list[str]
    segment: SegmentCondition
    segment_text: str | None = Field(default=None, description="The segment in words")
    created_by_id: int | None


class PacingPoint(ReadModel):
    day: date = Field(description="The value from the goal's first day through this day")
    value: float | None


class Progress(ReadModel):
    goal_id: int
    metric: MetricKey
    target: float
    today: date = Field(description="Today in the workspace's time zone")
    through: date | None = Field(description="The last day counted; null before the start")
    value: float | None = Field(description="The metric so far; null when it has no value")
    percent_of_target: float | None
    elapsed_days: int
    total_days: int
    projected: float | None = Field(
        description="Projected end value: counts and amounts linear on the elapsed share of "
        "days, ratios and durations as they are so far"
    )
    status: Status
    finished: bool = Field(description="The period is over: the value is final")
    series: list[PacingPoint] = Field(description="Value so far at up to 8 days, for the chart")


class GoalDetail(GoalRead):
    progress: Progress


class SuggestionPeriod(ReadModel):
    starts_on: date
    ends_on: date
    value: float | None


class Suggestion(ReadModel):
    metric: MetricKey
    starts_on: date
    ends_on: date
    trailing: list[SuggestionPeriod] = Field(description="The three periods before, oldest first")
    trend: float | None = Field(description="The least-squares line through them, continued")
    last_year: SuggestionPeriod
    comfortable: float | None
    suggested: float | None
    stretch: float | None
    reasoning: list[str] = Field(description="How the band was found, in words")


class PlanStage(ReadModel):
    stage: str
    label: str
    needed: int | None = Field(description="Contacts that must reach the stage; null: unknown")
    by: date | None = Field(description="The day they must have reached it by")
    conversion_percent: float | None = Field(
        description="History: reached the next stage of those that reached this one"
    )
    median_days_to_next: float | None
    problem: str | None = Field(description="Why the plan stops here, when it does")


class Plan(ReadModel):
    target_metric: PlanTarget
    target: float
    starts_on: date
    ends_on: date
    history_start: date
    history_end: date
    segment: SegmentCondition
    average_deal: float | None = Field(description="Amount won ÷ deals won in the history")
    customers_needed: int | None
    stages: list[PlanStage] = Field(description="Lead to Customer")
    mqls_needed: int | None
    complete: bool = Field(description="Every stage's volume is known")
    messages: list[str] = Field(description="What the plan assumed or could not work out")


class PlanRequest(_Period):
    """What to plan for: a revenue or new-customer target over a period, measured on the
    ``history_months`` whole months before the period's first month, for a segment."""

    target_metric: PlanTarget
    target: Target
    history_months: Annotated[int, Field(ge=1, le=36)] = 6
    segment: SegmentCondition = None


class SlaDraftRead(ReadModel):
    version_id: int
    number: int
    mql_volume: int = Field(description="The MQL-volume term's count in the draft")
    period: str = Field(description="The term's period: week, month or quarter")


class KpiCard(ReadModel):
    metric: MetricKey
    label: str
    kind: str
    value: float | None
    previous: float | None = Field(description="The same number of days just before")
    change_percent: float | None = Field(description="Change from the previous; null from 0")
    trend: list[PacingPoint] = Field(description="The value per part of the range, oldest first")
    goal: GoalRead | None = Field(description="A goal on the metric overlapping the range")
    goal_status: Status | None


class KpiDashboard(ReadModel):
    start: date
    end: date
    previous_start: date
    previous_end: date
    time_zone: str
    cards: list[KpiCard]

"""What the API and the UI send and receive. Rules and conditions stay JSON here: their
shape is checked by ``rules.py``/``conditions.py``, which name the exact wrong part; the
typed models below (``Shape``) describe that shape in the OpenAPI document."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle.core.schemas import CleanInput, DescribedBy, Shape

# --- the condition language (conditions.py) --------------------------------------------------

FIELD_HELP = (
    "contact.* or account.* (e.g. account.employee_count), your custom fields as "
    "contact.custom.<key> or account.custom.<key> (GET /custom-fields); in touch filters "
    "touch.campaign_id, touch.asset_id or properties.<name>; in criteria also grade and "
    "score.<model id>"
)
_Field = Annotated[str, Field(description=FIELD_HELP, examples=["account.employee_count"])]


class NoValueComparison(Shape):
    """``is_set``/``is_empty`` (text, numbers, lists) and ``is_true``/``is_false``."""

    field: _Field
    op: Literal["is_set", "is_empty", "is_true", "is_false"]
    value: None = None


class EqualityComparison(Shape):
    field: _Field
    op: Literal["eq", "ne"]
    value: str | float


class OrderComparison(Shape):
    field: _Field
    op: Literal["gt", "gte", "lt", "lte"]
    value: float


class DateComparison(Shape):
    """A date custom field before or after a day (``YYYY-MM-DD``)."""

    field: _Field
    op: Literal["before", "after"]
    value: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")


class BetweenComparison(Shape):
    field: _Field
    op: Literal["between"]
    value: tuple[float, float] = Field(description="[low, high], low ≤ high.")


class ManyComparison(Shape):
    field: _Field
    op: Literal["in", "not_in", "contains_any", "includes_any"]
    value: list[str] | list[float] = Field(min_length=1)


class TextComparison(Shape):
    field: _Field
    op: Literal["contains", "starts_with", "ends_with", "matches", "includes"]
    value: str = Field(min_length=1, description="matches: a regular expression.")


Comparison = Annotated[
    NoValueComparison
    | EqualityComparison
    | OrderComparison
    | DateComparison
    | BetweenComparison
    | ManyComparison
    | TextComparison,
    Field(discriminator="op"),
]


class AllOf(Shape):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Shape):
    any: list[Condition] = Field(min_length=1)


class NotOf(Shape):
    not_: Condition = Field(alias="not")


class EventFilter(Shape):
    """Touches of these types, optionally with property conditions, in the last N days."""

    types: list[str] = Field(min_length=1, description="Touch (event) types.")
    where: Condition | None = None
    within_days: int | None = Field(default=None, ge=1)


class Touched(Shape):
    """Criteria only: the contact had such a touch."""

    touched: EventFilter


Condition = Comparison | AllOf | AnyOf | NotOf | Touched
for _model in (AllOf, AnyOf, NotOf, EventFilter, Touched):
    _model.model_rebuild()

# --- score rules, roll-ups and profiles (rules.py) --------------------------------------------

_RuleName = Annotated[str, Field(min_length=1, max_length=120)]


class FitRule(Shape):
    """Points once when the contact and account match ``when``."""

    kind: Literal["fit"]
    name: _RuleName
    points: int = Field(ge=1, le=10_000)
    when: Condition


class BehaviourRule(Shape):
    """Points per touch matching ``event`` (decaying with the half-life), up to ``cap``."""

    kind: Literal["behaviour"]
    name: _RuleName
    points: int = Field(ge=1, le=10_000)
    event: EventFilter
    cap: int | None = Field(default=None, ge=1)


class NegativeRule(Shape):
    """Points below 0: once on ``when``, or per touch matching ``event`` up to ``cap``
    (give one of when and event)."""

    kind: Literal["negative"]
    name: _RuleName
    points: int = Field(ge=-10_000, le=-1)
    when: Condition | None = None
    event: EventFilter | None = None
    cap: int | None = Field(default=None, ge=1)


ScoreRule = Annotated[FitRule | BehaviourRule | NegativeRule, Field(discriminator="kind")]


class AccountRollup(Shape):
    """How contacts' scores make the account's: ``top_n`` needs ``n``."""

    method: Literal["sum", "max", "top_n"]
    cap: int | None = Field(default=None, ge=1)
    n: int | None = Field(default=None, ge=1)


class NoRollup(Shape):
    """No account roll-up."""


class ProfileCriterion(Shape):
    """A weighted criterion of the ICP (account.* fields) or a persona (contact.* fields).
    A persona's criterion may instead name an example job title (``title_like``): titles
    alike in meaning earn the weight times their similarity ("VP Eng" ~ "Head of
    Engineering")."""

    label: str = Field(min_length=1)
    weight: int = Field(ge=1, le=100)
    when: Condition | None = None
    title_like: str | None = Field(default=None, min_length=1, max_length=200)


Rules = DescribedBy(Annotated[list[ScoreRule], Field(max_length=100)])
Rollup = DescribedBy(AccountRollup | NoRollup)
Criteria = DescribedBy(list[ProfileCriterion])
Qualification = DescribedBy(Condition)
Segment = DescribedBy(Condition | None)
SEGMENT_HELP = "Only contacts matching this condition get a score from the model (null: all)."


class ScoreModelWrite(CleanInput):
    name: str = Field(min_length=1, max_length=120)
    description: str | None = Field(default=None, max_length=2000)
    is_primary: bool = False
    half_life_days: int | None = Field(default=None, ge=1, le=3650)
    rules: Annotated[list[Any], Rules] = Field(default_factory=list)
    account_rollup: Annotated[dict[str, Any], Rollup] = Field(default_factory=dict)
    segment: Annotated[dict[str, Any] | None, Segment] = Field(
        default=None, description=SEGMENT_HELP
    )


class ScoreModelRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None
    is_primary: bool
    version: int
    half_life_days: int | None
    rules: Annotated[list[dict[str, Any]], Rules]
    account_rollup: Annotated[dict[str, Any], Rollup]
    segment: Annotated[dict[str, Any] | None, Segment] = Field(description=SEGMENT_HELP)
    updated_at: datetime


ProfileKind = Literal["icp", "persona"]


class ProfileWrite(CleanInput):
    kind: ProfileKind
    name: str = Field(min_length=1, max_length=120)
    criteria: Annotated[list[Any], Criteria] = Field(default_factory=list)


class ProfileRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: ProfileKind
    name: str
    version: int
    criteria: Annotated[list[dict[str, Any]], Criteria]


class CriteriaStage(StrEnum):
    """The stages a lead qualifies into by criteria."""

    MQL = "mql"
    SQL = "sql"


class CriteriaWrite(CleanInput):
    condition: Annotated[dict[str, Any], Qualification]
    automatic: bool = True


class CriteriaRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    stage: CriteriaStage
    version: int
    condition: Annotated[dict[str, Any], Qualification]
    automatic: bool
    description: str = ""
    label: str = Field(
        default="",
        description='How stage moves, timelines and packets name it: "MQL criteria v2".',
    )
    saved_by: str | None = Field(default=None, description="Who saved this version.")
    saved_at: datetime | None = None


class OccurrenceRead(BaseModel):
    touch_id: int
    type: str
    occurred_at: datetime
    points: float


class RuleBreakdown(BaseModel):
    rule: str
    kind: str
    points: int
    fired: bool
    occurrences: int
    last_fired_at: datetime | None
    raw_points: float
    decayed_points: float
    capped_at: int | None
    recent: list[OccurrenceRead]


class AdjustmentRead(BaseModel):
    """Points given or taken outside the rules (a workflow's step), with why."""

    points: int
    reason: str = Field(description="Who gave them and why: \"Workflow 'Nurture': +10\".")
    at: datetime


class ModelBreakdown(BaseModel):
    model_id: int
    model: str
    version: int
    is_primary: bool
    total: float
    stored_total: float | None
    stored_at: datetime | None
    rules: list[RuleBreakdown]
    in_segment: bool = Field(
        default=True, description="False: outside the model's segment, so no score from it."
    )
    adjustments: list[AdjustmentRead] = Field(
        default=[], description="Points given or taken outside the rules, in the total."
    )


class GradeRead(BaseModel):
    grade: str
    fit: float
    icp_match: float
    persona: str | None
    persona_match: float
    why: list[str]


class ContactScoresRead(BaseModel):
    contact_id: int
    as_of: datetime
    models: list[ModelBreakdown]
    grade: GradeRead | None
    # A score adjustment: behaviour rules count only touches after this (a recycled lead).
    reset_at: datetime | None = None
    reset_reason: str | None = None


class RescoreRunRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    reason: str
    status: str
    contacts_total: int
    contacts_done: int
    qualified: int
    started_at: datetime | None
    finished_at: datetime | None


class BacktestRequest(CleanInput):
    months: int = Field(default=6, ge=1, le=24)
    model_id: int | None = None
    model: ScoreModelWrite | None = None
    criteria: Annotated[dict[str, Any], Qualification] | None = None
    target: Literal["sql", "customer"] = Field(
        default="sql",
        description="The outcome scores are judged against: reaching SQL (or beyond), or Customer.",
    )
    horizon_days: int = Field(
        default=90, ge=1, le=730, description="Days after entering Lead the outcome may take."
    )


class BacktestFigures(BaseModel):
    mqls: int
    became_sal: int = Field(default=0, description="Of those MQLs, how many sales accepted.")
    became_sql: int
    became_customer: int


class ScoreBucket(BaseModel):
    """Contacts whose score (today's, in one model) falls in [low, high)."""

    low: int
    high: int | None = Field(description="null: the last bucket, low and above.")
    converted: int = Field(description="Reached SQL or beyond.")
    not_converted: int


class BacktestContact(BaseModel):
    id: int
    name: str


class OutcomeFigures(BaseModel):
    """How well one model's scores, taken as of each lead's cut-off (the moment it entered
    Lead), separate the leads that reached the target within the horizon from the others."""

    model: str = Field(description="The score model judged.")
    target: str
    horizon_days: int
    leads: int = Field(description="Leads of the window whose outcome is known.")
    reached: int = Field(description="Of those, how many reached the target in the horizon.")
    message: str | None = Field(
        default=None,
        description="Why there are no figures (e.g. not enough outcomes); null when there are.",
    )
    roc_auc: float | None = None
    pr_auc: float | None = None
    lift: list[float] = Field(
        default_factory=list,
        description="Outcome rate of each tenth of the leads, best scored first, over the "
        "overall rate.",
    )
    roc: list[tuple[float, float]] = Field(
        default_factory=list, description="ROC curve points (false positive rate, recall)."
    )
    threshold: float | None = Field(
        default=None, description="The MQL criteria's threshold on this model; null: none."
    )
    above_threshold: int = 0
    precision: float | None = None
    recall: float | None = None


class BacktestRead(BaseModel):
    since: datetime
    until: datetime
    checkpoints: int
    current_criteria: str | None = Field(
        default=None,
        description='The MQL criteria in force the current figures apply ("MQL criteria v2"); '
        "null when none are set.",
    )
    distribution_model: str | None = Field(
        default=None, description="The score model whose distribution is shown."
    )
    distribution: list[ScoreBucket] = Field(default_factory=list)
    gained: list[BacktestContact] = Field(
        default_factory=list, description="MQLs only the proposed definition makes (first 50)."
    )
    gained_count: int = 0
    lost: list[BacktestContact] = Field(
        default_factory=list, description="MQLs only the current definition makes (first 50)."
    )
    lost_count: int = 0
    current: BacktestFigures
    proposed: BacktestFigures
    current_outcome: OutcomeFigures | None = Field(
        default=None, description="The current definition judged against known outcomes."
    )
    proposed_outcome: OutcomeFigures | None = Field(
        default=None, description="The proposed definition judged against known outcomes."
    )


class AccountScoreRead(BaseModel):
    account_id: int
    model_id: int
    method: str
    score: float
    contacts: int


class BuyingGroupMember(BaseModel):
    contact_id: int
    name: str
    job_title: str | None
    persona: str | None
    grade: str | None
    score: float


class BuyingGroupRead(BaseModel):
    account_id: int
    scores: list[AccountScoreRead]
    members: list[BuyingGroupMember]
    personas_engaged: list[str]
    personas_missing: list[str]

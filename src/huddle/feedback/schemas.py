"""The feedback API's shapes: the feedback loop (traits ranked by lift, the MQL threshold),
product features, feedback items, the product report and suggested themes. A ratio whose
denominator is 0 is null (the pages show "—")."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from huddle.core.schemas import InputModel, ReadModel
from huddle.core.text import refuse_control_characters
from huddle.feedback.rules import Objective


def _one_line(value: str) -> str:
    return refuse_control_characters(value.strip(), single_line=True)


def _text(value: str) -> str:
    return refuse_control_characters(value.strip())


Name = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_one_line)]
Description = Annotated[str, Field(max_length=2000), AfterValidator(_text)]
Quote = Annotated[str, Field(max_length=4000), AfterValidator(_text)]
ItemKind = Literal["objection", "feature_gap"]


# --- the feedback loop -------------------------------------------------------------------------


class TraitLift(BaseModel):
    trait: str = Field(
        description="What the contacts share: a built-in field (``seniority``), a custom "
        "field (``custom.<key>``) or a touch type had before converting (``touch``)"
    )
    trait_label: str
    value: str = Field(description="The field's value, or the touch type")
    with_count: int = Field(ge=0, description="Contacts of the window with the trait")
    with_converted: int = Field(ge=0, description="Of those, how many converted")
    without_count: int = Field(ge=0, description="Contacts of the window without it")
    without_converted: int = Field(ge=0, description="Of those, how many converted")
    rate_with: float | None = Field(description="with_converted / with_count (0..1)")
    rate_without: float | None = Field(description="without_converted / without_count (0..1)")
    lift: float | None = Field(description="rate_with over the window's base rate")
    p_value: float | None = Field(
        description="Two-sided p-value of a pooled two-proportion z-test, with vs without"
    )
    interval_low: float | None = Field(description="Wilson 95% interval of rate_with, low end")
    interval_high: float | None = Field(description="Wilson 95% interval of rate_with, high end")


class ThresholdPointRead(BaseModel):
    threshold: float = Field(description="MQL when the primary score is at least this")
    mqls: int = Field(ge=0, description="Contacts of the window scoring at least the threshold")
    per_month: float = Field(description="mqls over the window's months")
    accepted: int = Field(ge=0, description="Of those, how many sales accepted (reached SAL)")
    converted: int = Field(ge=0, description="Of those, how many reached the chosen stage")
    acceptance: float | None = Field(description="accepted / mqls (0..1)")
    conversion: float | None = Field(description="converted / mqls (0..1)")
    fits: bool = Field(description="per_month is within the sales capacity")


class FeedbackLoopRead(BaseModel):
    since: datetime
    until: datetime
    months: int
    stage: str = Field(description="The stage a contact must have reached to count as converted")
    total: int = Field(ge=0, description="Contacts created in the window")
    converted: int = Field(ge=0, description="Of those, how many reached ``stage``")
    base_rate: float | None = Field(description="converted / total (0..1)")
    traits: list[TraitLift] = Field(description="Ranked: the highest lift first")
    score_model_id: int | None = Field(description="The primary score model the threshold reads")
    capacity: int | None = Field(description="Sales capacity: at most this many MQLs a month")
    objective: Objective
    best: ThresholdPointRead | None = Field(
        description="The threshold the objective prefers within capacity; null when none fits"
    )
    curve: list[ThresholdPointRead] = Field(description="Every candidate threshold, lowest first")


class ProposalCreate(InputModel):
    """The feedback loop's settings whose best threshold is proposed."""

    months: int = Field(6, ge=1, le=36)
    stage: str = "sql"
    capacity: int | None = Field(None, ge=1, le=1_000_000)
    objective: Objective = Objective.CONVERTED


class ProposalRead(ReadModel):
    id: int
    status: str = Field(description="draft, applied or dismissed")
    score_model_id: int
    threshold: float
    months: int
    objective: str
    capacity: int | None
    expected_per_month: float
    acceptance_percent: float | None
    reasoning: str
    created_at: datetime
    decided_at: datetime | None


class ProposedSla(BaseModel):
    version_id: int = Field(description="The draft SLA version both leads now sign")
    number: int


# --- product feedback --------------------------------------------------------------------------


class FeatureWrite(InputModel):
    name: Name
    description: Description = ""
    archived: bool = False


class FeatureRead(ReadModel):
    id: int
    name: str
    description: str
    kind: str = Field(description="``feature``, or ``theme`` when confirmed from a suggestion")
    archived: bool


class FeedbackItemCreate(InputModel):
    kind: ItemKind
    feature_id: int | None = Field(None, description="A feature of the managed list")
    opportunity_id: int | None = Field(None, description="The deal it was heard on")
    account_id: int | None = Field(
        None, description="The account, when not heard on a deal (a deal gives its own)"
    )
    quote: Quote = Field("", description="The prospect's words")


class FeedbackItemRead(ReadModel):
    id: int
    kind: str
    feature_id: int | None
    opportunity_id: int | None
    account_id: int
    quote: str
    author_id: int | None
    created_at: datetime


class QuoteRead(BaseModel):
    item_id: int
    kind: str
    quote: str
    account_id: int
    account_name: str
    opportunity_id: int | None
    deal_name: str | None
    deal_status: str | None
    deal_amount: float | None
    author: str | None
    created_at: datetime


class FeatureReportRow(BaseModel):
    feature_id: int | None = Field(description="Null: items not yet given a feature")
    name: str
    items: int = Field(ge=0)
    objections: int = Field(ge=0)
    feature_gaps: int = Field(ge=0)
    accounts: int = Field(ge=0)
    open_deals: int = Field(ge=0, description="Open deals at stake")
    open_pipeline: float = Field(
        description="Sum of the open deals' amounts: deals the feature was logged on, and "
        "every open deal of an account it was logged on (each deal once)"
    )
    lost_deals: int = Field(ge=0)
    revenue_lost: float = Field(description="Sum of the lost deals' amounts it was logged on")
    quotes: list[QuoteRead]


class LostReasonRow(BaseModel):
    reason: str
    deals: int
    amount: float


class ProductReportRead(BaseModel):
    features: list[FeatureReportRow] = Field(
        description="Ranked by open pipeline at stake, then revenue lost"
    )
    lost_reasons: list[LostReasonRow] = Field(description="Lost deals' reasons, costliest first")


class ThemeRead(BaseModel):
    key: str = Field(description="Stable for the same member texts")
    label: str = Field(description="The cluster's most telling words")
    size: int
    texts: list[str]
    item_ids: list[int] = Field(description="Unassigned feedback items in the theme")
    sources: dict[str, int] = Field(description="How many texts came from each source")


class ThemeConfirm(InputModel):
    name: Name = Field(description="The theme's name as the product manager words it")
    description: Description = ""
    item_ids: list[int] = Field(
        default_factory=list,
        max_length=1000,
        description="Unassigned feedback items to give the new feature",
    )

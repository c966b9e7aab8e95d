"""API shapes of the lifecycle domain: stage moves, configuration, opportunities, the board."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from huddle.core.schemas import NOT_NULLABLE, CleanInput
from huddle.core.stages import PIPELINE_STAGES, STAGES
from huddle.core.timefields import UtcDatetime

# Stages sales may reject a lead from, back to marketing.
REJECTABLE: tuple[str, ...] = ("mql", "sal")


class _FromOrm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- stages and transitions -------------------------------------------------------------


class StageRead(BaseModel):
    key: str
    label: str
    # Part of the main funnel (Subscriber → Customer) rather than beside it.
    in_funnel: bool
    rejectable: bool


# Checked by the service (an unknown stage and a move not allowed answer differently); the
# document lists the values all the same.
LifecycleStage = Annotated[str, WithJsonSchema({"type": "string", "enum": list(STAGES)})]
PipelineStage = Annotated[str, WithJsonSchema({"type": "string", "enum": list(PIPELINE_STAGES)})]
DealStatus = Literal["open", "won", "lost"]


class StageChangeRequest(CleanInput):
    to_stage: LifecycleStage = Field(min_length=1, max_length=30)
    reason: str | None = Field(default=None, max_length=2000)


class RejectRequest(CleanInput):
    reason_code: str = Field(min_length=1, max_length=40)
    note: str | None = Field(default=None, max_length=2000)


class StageTransitionRead(_FromOrm):
    id: int
    contact_id: int
    from_stage: str | None
    to_stage: str
    at: datetime
    by_user_id: int | None
    by_rule: str | None
    reason: str | None
    rejection_reason: str | None
    source: str | None = Field(
        description="where a past move comes from (an imported file, an integration); "
        "null for moves made in Huddle"
    )


class PastStage(CleanInput):
    stage: LifecycleStage = Field(min_length=1, max_length=30)
    at: UtcDatetime = Field(description="when the contact entered the stage")


class StageHistoryImport(CleanInput):
    """A contact's past, from the CRM it comes from: recorded as it happened, announced to
    nobody (no SLA clock, hand-off, notification or workflow for a move made in the past)."""

    created_at: UtcDatetime | None = Field(
        default=None, description="when the contact was created in the other system"
    )
    stages: list[PastStage] = Field(default_factory=list, max_length=100)
    source: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="where the history comes from, e.g. 'HubSpot'; the caller by default",
    )


class StageEntryRead(_FromOrm):
    contact_id: int
    entered_at: datetime


class TransitionPair(_FromOrm):
    from_stage: LifecycleStage = Field(min_length=1, max_length=30)
    to_stage: LifecycleStage = Field(min_length=1, max_length=30)


class AllowedTransitionsUpdate(CleanInput):
    transitions: list[TransitionPair]


class RejectionReasonRead(_FromOrm):
    code: str
    label: str
    active: bool
    position: int


class RejectionReasonCreate(CleanInput):
    code: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
    label: str = Field(min_length=1, max_length=120)


# --- opportunities ----------------------------------------------------------------------


class RoleOnDeal(CleanInput):
    # Free text; "decision_maker", "champion", "economic_buyer", "influencer" are usual.
    role: str = Field(default="influencer", min_length=1, max_length=60)


class ContactRole(RoleOnDeal):
    contact_id: int


class ContactRoleRead(_FromOrm):
    contact_id: int
    role: str
    added_at: datetime


class DealOfContact(BaseModel):
    """A deal a person is on, in their data export: their role (the primary contact's is
    "primary contact" unless given), and the deal's stage and status."""

    opportunity_id: int
    name: str
    role: str | None
    pipeline_stage: str
    status: str


class OpportunityCreate(CleanInput):
    name: str = Field(min_length=1, max_length=300)
    account_id: int
    primary_contact_id: int | None = None
    amount: float = Field(default=0, ge=0, le=10**15)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    expected_close_date: date | None = None
    pipeline_stage: PipelineStage = "qualification"
    owner_id: int | None = None
    contacts: list[ContactRole] = Field(default_factory=list, max_length=200)


class OpportunityUpdate(CleanInput):
    """Only the fields sent are changed; send ``null`` to clear an optional one (the name,
    amount and currency cannot be null)."""

    name: Annotated[str | None, NOT_NULLABLE] = Field(default=None, min_length=1, max_length=300)
    primary_contact_id: int | None = None
    amount: Annotated[float | None, NOT_NULLABLE] = Field(default=None, ge=0, le=10**15)
    currency: Annotated[str | None, NOT_NULLABLE] = Field(default=None, pattern=r"^[A-Z]{3}$")
    expected_close_date: date | None = None
    owner_id: int | None = None


class OpportunityMove(CleanInput):
    pipeline_stage: PipelineStage = Field(min_length=1, max_length=30)


class OpportunityClose(CleanInput):
    won: bool
    reason: str | None = Field(default=None, max_length=2000)


class OpportunityRead(_FromOrm):
    id: int
    name: str
    account_id: int
    primary_contact_id: int | None
    amount: float
    currency: str
    expected_close_date: date | None
    pipeline_stage: PipelineStage
    owner_id: int | None
    status: DealStatus
    closed_at: datetime | None
    lost_reason: str | None
    created_at: datetime
    updated_at: datetime


class ContactWinRead(_FromOrm):
    """What winning the deal did to one of its contacts."""

    contact_id: int
    from_stage: str = Field(description="The contact's stage before the deal was won")
    stages: list[str] = Field(
        description="The stages the contact entered, in order, Customer last; empty when it "
        "did not move (already a customer, or no allowed way: see problem)"
    )
    problem: str | None = Field(
        description="Why the contact did not become a customer; null when it did or already was"
    )


class OpportunityClosedRead(OpportunityRead):
    contacts: list[ContactWinRead] = Field(
        description="For a won deal, each contact on it and whether it became a customer "
        "(empty for a lost deal)"
    )


class OpportunityDetail(OpportunityRead):
    contacts: list[ContactRoleRead]


class OpportunityFilters(CleanInput):
    account_id: int | None = None
    owner_id: int | None = None
    status: DealStatus | None = None
    pipeline_stage: PipelineStage | None = None
    # Deals the contact is on, as primary contact or in any role.
    contact_id: int | None = None


class OpportunityPage(BaseModel):
    items: list[OpportunityRead]
    next_cursor: str | None


class BoardCard(_FromOrm):
    id: int
    name: str
    account_id: int
    account_name: str
    amount: float
    currency: str
    owner_id: int | None
    owner_name: str | None
    expected_close_date: date | None


class BoardTotals(BaseModel):
    count: int = 0
    amount: float = 0
    # Amount times the stage's win probability.
    weighted_amount: float = 0
    currency: str | None = Field(
        default=None,
        description="The currency of every deal summed; null when they are in several "
        "(the amounts are then added as written) or there are none",
    )


class BoardColumn(BaseModel):
    stage: str
    label: str
    probability: int
    totals: BoardTotals
    # The deals closing soonest first; ``totals.count`` may exceed ``len(cards)``.
    cards: list[BoardCard]


class PipelineBoard(BaseModel):
    columns: list[BoardColumn]
    totals: BoardTotals

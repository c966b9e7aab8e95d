"""What routing's API and forms take and give."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from huddle.contacts.schemas import ContactRead
from huddle.core.bounds import RowId
from huddle.core.schemas import CleanInput, DescribedBy, Shape, listed
from huddle.core.timefields import UtcDatetime
from huddle.notifications.schemas import HandoffPacket
from huddle.routing.models import HANDOFF_STATUSES
from huddle.scoring.schemas import Condition

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
RuleKind = Literal["account_owner", "territory", "round_robin"]
SEGMENTS = {"smb": (0, 99), "mid": (100, 999), "enterprise": (1000, None)}
Segment = Literal["smb", "mid", "enterprise"]

# --- the shapes of rule conditions and hand-offs (the document's; see ``DescribedBy``) ---------

_Words = Annotated[
    list[str] | str, Field(description="A list of words, or one text of comma-separated words.")
]


WHEN_HELP = (
    "Only leads meeting this condition (the scoring condition language over contact.* and "
    "account.* fields, custom fields included: contact.custom.<key>)."
)


class TerritoryConditions(Shape):
    """A territory rule: the lead's account in any of these, and the lead meeting ``when``
    (at least one given)."""

    countries: _Words = Field(default_factory=list)
    regions: _Words = Field(default_factory=list)
    industries: _Words = Field(default_factory=list)
    segments: list[Segment] | str = Field(
        default_factory=list, description="smb: under 100 employees, mid: under 1,000."
    )
    when: Condition | None = Field(default=None, description=WHEN_HELP)


class AccountOwnerConditions(Shape):
    """An account-owner rule: only target accounts when ``target_only``."""

    target_only: bool = False
    when: Condition | None = Field(default=None, description=WHEN_HELP)


class NoConditions(Shape):
    """A round-robin rule takes no conditions but ``when``."""

    when: Condition | None = Field(default=None, description=WHEN_HELP)


RuleConditions = DescribedBy(TerritoryConditions | AccountOwnerConditions | NoConditions)


class Candidate(Shape):
    """A rep a routing decision considered: ``skipped`` says why they did not get it."""

    user_id: int
    name: str | None
    rule: str
    skipped: str | None


class RuleWrite(CleanInput):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: RuleKind
    position: int = Field(default=0, ge=0, le=10_000)
    active: bool = True
    conditions: Annotated[dict[str, Any], RuleConditions] = Field(
        default_factory=dict,
        description='territory: {"countries": [...], "regions": [...], "industries": [...], '
        '"segments": ["smb", "mid", "enterprise"]}; account_owner: {"target_only": true}',
    )
    owner_id: RowId | None = None
    pool_id: RowId | None = None
    respect_hours: bool = True


class RuleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    kind: RuleKind
    position: int
    active: bool
    conditions: Annotated[dict[str, Any], RuleConditions]
    owner_id: int | None
    pool_id: int | None
    respect_hours: bool
    version: int


class MemberWrite(CleanInput):
    model_config = ConfigDict(extra="forbid")

    user_id: RowId
    weight: int = Field(default=1, ge=1, le=100)


class PoolWrite(CleanInput):
    model_config = ConfigDict(extra="forbid")

    name: Name
    manager_id: RowId | None = None
    members: list[MemberWrite] = Field(default_factory=list, max_length=500)


class MemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: int
    weight: int
    credit: float


class PoolRead(BaseModel):
    id: int
    name: str
    manager_id: int | None
    picks: int
    members: list[MemberRead]


class HandoffRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    contact_id: int
    owner_id: int | None
    team: str
    pool_id: int | None
    rule_id: int | None
    rule: str
    reason: str
    candidates: Annotated[list[dict[str, Any]], DescribedBy(list[Candidate])]
    packet: Annotated[dict[str, Any], DescribedBy(HandoffPacket)]
    at: datetime
    status: Annotated[str, listed(HANDOFF_STATUSES)]
    decided_at: datetime | None
    decided_by_id: int | None
    decision_reason: str | None


class RejectWrite(CleanInput):
    model_config = ConfigDict(extra="forbid")

    reason_code: str = Field(max_length=40)
    note: str | None = Field(default=None, max_length=2000)


class ActivityWrite(CleanInput):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["call", "email", "meeting_booked", "meeting"]
    note: str | None = Field(default=None, max_length=2000)
    occurred_at: UtcDatetime | None = None


ACTIVITY_TYPES = {
    "call": "call_logged",
    "email": "sales_email_sent",
    "meeting_booked": "meeting_booked",
    "meeting": "meeting_held",
}


# --- the sales queue as its pages show it (read only) --------------------------------------


class QueueEntryRead(BaseModel):
    """A hand-off as the sales queue and the packet page show it: the hand-off with its
    packet, the lead and the names the page prints."""

    handoff: HandoffRead
    contact: ContactRead = Field(
        description="The lead (email and phone null when your role may not see them)"
    )
    rule_label: str = Field(
        description='The rule that decided, as people read it ("Territory: EMEA")'
    )
    owner_name: str | None = Field(
        description="The rep it was handed to; null while it waits in the team queue (or "
        "when that rep's account was deactivated)"
    )


class QueueNewsRead(BaseModel):
    fresh: int = Field(
        ge=0,
        description="Open hand-offs in your queue newer than the one given (all of a first "
        "page when none is given), up to a page of 50",
    )

"""What routing's API and forms take and give."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from huddle.core.bounds import RowId
from huddle.core.schemas import CleanInput
from huddle.core.timefields import UtcDatetime

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
RuleKind = Literal["account_owner", "territory", "round_robin"]
SEGMENTS = {"smb": (0, 99), "mid": (100, 999), "enterprise": (1000, None)}


class RuleWrite(CleanInput):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: RuleKind
    position: int = Field(default=0, ge=0, le=10_000)
    active: bool = True
    conditions: dict[str, Any] = Field(
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
    conditions: dict[str, Any]
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
    candidates: list[dict[str, Any]]
    packet: dict[str, Any]
    at: datetime
    status: str
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

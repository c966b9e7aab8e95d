"""The SLA's JSON shapes for /api/v1."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle.core.schemas import CleanInput


class _FromOrm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class VersionWrite(CleanInput):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(default="", max_length=100_000)
    terms: list[Any] = Field(default_factory=list, max_length=100)


Side = Literal["marketing", "sales"]


class SignatureWrite(CleanInput):
    side: Side


class SignatureRead(_FromOrm):
    side: Side
    user_id: int | None
    signed_at: datetime


class VersionRead(_FromOrm):
    id: int
    number: int
    status: str
    title: str
    body: str
    terms: list[Any]
    based_on_id: int | None
    created_by_id: int | None
    created_at: datetime
    activated_at: datetime | None
    archived_at: datetime | None
    signatures: list[SignatureRead] = Field(default_factory=list)


class CalendarWrite(CleanInput):
    time_zone: str = Field(default="UTC", max_length=64)
    hours: dict[str, Any] = Field(default_factory=dict)
    holidays: list[str] = Field(default_factory=list, max_length=1000)


class CalendarRead(_FromOrm):
    scope: str
    time_zone: str
    hours: dict[str, Any]
    holidays: list[str]


class ComplianceBy(StrEnum):
    """How compliance is grouped: per term, per owner (the rep; the dashboard's "by rep")
    or per team."""

    TERM = "term"
    OWNER = "owner"
    TEAM = "team"


class _ComplianceFigures(BaseModel):
    label: str
    met: int
    breached: int
    open: int
    percent: float | None


class TermCompliance(_ComplianceFigures):
    by: Literal["term"] = "term"
    key: str = Field(description="The term's key.")


class OwnerCompliance(_ComplianceFigures):
    by: Literal["owner"] = "owner"
    key: int | None = Field(description="The rep's user id; null for the team queue.")


class TeamCompliance(_ComplianceFigures):
    by: Literal["team"] = "team"
    key: str | None = Field(description="The team; null for clocks of no team.")


ComplianceRead = Annotated[
    TermCompliance | OwnerCompliance | TeamCompliance, Field(discriminator="by")
]
COMPLIANCE_ROWS: dict[ComplianceBy, type[TermCompliance | OwnerCompliance | TeamCompliance]] = {
    ComplianceBy.TERM: TermCompliance,
    ComplianceBy.OWNER: OwnerCompliance,
    ComplianceBy.TEAM: TeamCompliance,
}


class ClockEventRead(_FromOrm):
    kind: str
    at: datetime
    detail: str | None


class ClockRead(_FromOrm):
    id: int
    version_id: int
    term_key: str
    term_kind: str
    owner_id: int | None
    handoff_id: int | None
    state: str
    started_at: datetime
    due_at: datetime | None
    warned_at: datetime | None
    breached_at: datetime | None
    stopped_at: datetime | None
    target_count: int | None
    count: int
    events: list[ClockEventRead] = Field(default_factory=list)

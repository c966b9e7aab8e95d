"""The SLA's JSON shapes for /api/v1."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle.core.schemas import CleanInput, DescribedBy, Shape, listed
from huddle.sla.models import CLOCK_STATES, VERSION_STATES
from huddle.sla.terms import KINDS


class _FromOrm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- the shapes of terms and working hours (the document's; checked by terms.py and
# calendar.py, which name the exact wrong field: ``terms[2].hours``) ----------------------------

_Positive = Annotated[float, Field(ge=0)]
Period = Literal["week", "month", "quarter"]
_Values = list[str] | None


class TermScope(Shape):
    """The leads a term covers: any of these values per field (case ignored)."""

    segment: _Values = None
    region: _Values = None
    grade: _Values = None
    source: _Values = None


class _TermBase(Shape):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,59}$", description="Unique in the version.")
    label: str | None = Field(default=None, max_length=120, description="Default: the kind's.")
    scope: TermScope | None = None
    warn_at: float = Field(
        default=0.75, gt=0, lt=1, description="Warn the owner at this fraction of the time."
    )
    pause_when_out_of_office: bool = False
    escalate: bool = True
    reroute: bool = False


class MqlVolumeTerm(_TermBase):
    """Marketing delivers ``count`` MQLs per ``period``."""

    kind: Literal["mql_volume"]
    count: int = Field(ge=1, le=1_000_000)
    period: Period


class MqlAcceptanceTerm(_TermBase):
    """At least ``percent`` % of the period's MQLs accepted by sales."""

    kind: Literal["mql_acceptance"]
    percent: float = Field(ge=0, le=100)
    period: Period


class HoursTerm(_TermBase):
    """First sales touch (``first_touch``) or the accept/reject decision (``decision``)
    within ``hours`` business hours of the hand-off."""

    kind: Literal["first_touch", "decision"]
    hours: _Positive = Field(le=24 * 365)


class TouchAttemptsTerm(_TermBase):
    """At least ``count`` sales touches within ``days`` business days."""

    kind: Literal["touch_attempts"]
    count: int = Field(ge=1, le=100)
    days: _Positive = Field(le=365)


class FollowUpTerm(_TermBase):
    """After each sales touch, the next one within ``days`` business days."""

    kind: Literal["follow_up"]
    days: _Positive = Field(le=365)


class CustomerResponseTerm(_TermBase):
    """A reply to an inbound request (these touch types) within ``hours``."""

    kind: Literal["customer_response"]
    hours: _Positive = Field(le=24 * 365)
    touch_types: list[str] = Field(default=["demo_requested", "quote_requested"], min_length=1)


class StagePoint(Shape):
    stage: str = Field(min_length=1)


class TouchPoint(Shape):
    touch: str = Field(min_length=1)


class EventPoint(Shape):
    event: Literal["handed_off", "accepted", "rejected", "recycled"]


TermPoint = StagePoint | TouchPoint | EventPoint


class CustomTerm(_TermBase):
    """``duration``: from ``start`` to ``stop`` within ``hours``; ``count``: ``count`` times
    ``stop`` per ``period``."""

    kind: Literal["custom"]
    measure: Literal["duration", "count"]
    start: TermPoint | None = None
    stop: TermPoint
    hours: _Positive | None = Field(default=None, le=24 * 365)
    count: int | None = Field(default=None, ge=1, le=1_000_000)
    period: Period | None = None


SlaTerm = Annotated[
    MqlVolumeTerm
    | MqlAcceptanceTerm
    | HoursTerm
    | TouchAttemptsTerm
    | FollowUpTerm
    | CustomerResponseTerm
    | CustomTerm,
    Field(discriminator="kind"),
]
Terms = DescribedBy(Annotated[list[SlaTerm], Field(max_length=100)])

_Time = Annotated[str, Field(pattern=r"^\d{2}:\d{2}$", examples=["09:00"])]
_Interval = tuple[_Time, _Time]
_Day = Annotated[
    _Interval | list[_Interval] | None,
    Field(description='["09:00", "17:30"], or a list of such intervals; empty: not working.'),
]


class WeeklyHours(Shape):
    """Working hours per weekday, local to the calendar's time zone ("24:00" ends a day)."""

    mon: _Day = None
    tue: _Day = None
    wed: _Day = None
    thu: _Day = None
    fri: _Day = None
    sat: _Day = None
    sun: _Day = None


Hours = DescribedBy(WeeklyHours)


class VersionWrite(CleanInput):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(default="", max_length=100_000)
    terms: Annotated[list[Any], Terms] = Field(default_factory=list, max_length=100)


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
    status: Annotated[str, listed(VERSION_STATES)]
    title: str
    body: str
    terms: Annotated[list[Any], Terms]
    based_on_id: int | None
    created_by_id: int | None
    created_at: datetime
    activated_at: datetime | None
    archived_at: datetime | None
    signatures: list[SignatureRead] = Field(default_factory=list)


class CalendarWrite(CleanInput):
    time_zone: str = Field(default="UTC", max_length=64)
    hours: Annotated[dict[str, Any], Hours] = Field(default_factory=dict)
    holidays: list[str] = Field(default_factory=list, max_length=1000)


class CalendarRead(_FromOrm):
    scope: str
    time_zone: str
    hours: Annotated[dict[str, Any], Hours]
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
    term_kind: Annotated[str, listed(KINDS)]
    owner_id: int | None
    handoff_id: int | None
    state: Annotated[str, listed(CLOCK_STATES)]
    started_at: datetime
    due_at: datetime | None
    warned_at: datetime | None
    breached_at: datetime | None
    stopped_at: datetime | None
    target_count: int | None
    count: int
    events: list[ClockEventRead] = Field(default_factory=list)

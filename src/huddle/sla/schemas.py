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


# --- the dashboard and the quarterly review (read only) ------------------------------------


class SlaPeriod(StrEnum):
    """A calendar period in UTC: the week from Monday, the month, the quarter."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"


class TermSummary(BaseModel):
    key: str = Field(description="The term's key in the agreement, e.g. ``first_touch``")
    kind: str = Field(description="What the term measures, e.g. ``first_touch``, ``mql_volume``")
    label: str = Field(description="The term's name as the pages show it")
    description: str = Field(description="What the term promises, in one readable line")


class VersionSummary(BaseModel):
    id: int
    number: int = Field(description="The version's number, 1 for the first")
    title: str
    activated_at: datetime | None = Field(description="When both sides had signed it")


class Tally(BaseModel):
    met: int = Field(description="Clocks met in time")
    breached: int = Field(description="Clocks breached (whether or not met later)")
    open: int = Field(description="Clocks still running, paused or warned")
    percent: float | None = Field(
        description="Met of met and breached, in percent to one decimal; null when none is "
        "decided yet"
    )


class DashboardTermTally(Tally):
    """One clock term of the active version, with zeros when no clock of it started."""

    term: TermSummary


class DashboardOwnerTally(Tally):
    """The clocks of the leads handed to one rep, or to the team queue."""

    owner_id: int | None = Field(description="The rep's user id; null for the team queue")
    label: str = Field(description="The rep's name, or ``Team queue``")


class DashboardTeamTally(Tally):
    """The clocks of the leads handed to one team."""

    team: str | None = Field(description="The team's key, e.g. ``sales``")
    label: str = Field(description="The team as the pages show it")


class PacingRead(BaseModel):
    """An MQL volume term: the MQLs delivered so far in its period, projected linearly."""

    term: TermSummary
    period: SlaPeriod
    start: datetime = Field(description="The period's first instant (UTC)")
    end: datetime = Field(description="The instant after the period (exclusive)")
    delivered: int = Field(description="Contacts that became MQL from ``start`` until now")
    target: int = Field(description="MQLs promised for the period")
    projected: int = Field(description="``delivered`` extrapolated to the period's end")
    elapsed: float = Field(ge=0, le=1, description="Fraction of the period gone, 0 to 1")
    on_track: bool = Field(description="Whether ``projected`` reaches ``target``")
    percent_of_target: float = Field(description="``delivered`` of ``target``, in percent")


class AcceptanceRead(BaseModel):
    """An MQL acceptance term over a period: on the dashboard its own period containing now,
    in the review the quarter."""

    term: TermSummary
    start: datetime = Field(description="The period's first instant (UTC)")
    end: datetime = Field(description="The instant after the period (exclusive)")
    target_percent: float = Field(description="The share of MQLs sales promised to accept")
    mqls: int = Field(description="Contacts that became MQL in the period")
    accepted: int = Field(description="Of those, how many sales accepted (SAL)")
    percent: float | None = Field(description="``accepted`` of ``mqls``; null without MQLs")
    met: bool | None = Field(
        description="Whether ``percent`` reaches the target; null without MQLs"
    )


class AtRiskRead(BaseModel):
    """A running clock close to its due time: the lead, whose it is and the countdown."""

    clock_id: int
    contact_id: int
    contact_name: str = Field(
        description="The lead's name; its email if it has none and your role may see "
        "contact details, else ``Contact #id``"
    )
    owner_name: str = Field(description="The rep the lead was handed to, or ``Team queue``")
    term_label: str
    due_at: datetime = Field(description="When the clock breaches if nothing stops it")
    seconds_left: int = Field(
        description="Seconds from ``as_of`` until ``due_at`` (negative once overdue): the "
        "page's countdown"
    )
    warned: bool = Field(description="Whether the owner was already warned")


class TrendWeek(BaseModel):
    week_start: datetime = Field(description="Monday 00:00 UTC of the week clocks started in")
    met: int
    breached: int
    percent: float | None = Field(description="Met of decided; null when none is decided")


class AtRiskList(BaseModel):
    as_of: datetime = Field(description="The instant the countdowns are measured from")
    items: list[AtRiskRead] = Field(description="Soonest due first")


class SlaDashboardRead(BaseModel):
    """Everything the SLA dashboard (/sla) shows for one period."""

    as_of: datetime = Field(description="The instant the figures were read at")
    period: SlaPeriod
    start: datetime = Field(description="First instant of the period clocks started in (UTC)")
    end: datetime = Field(description="The instant after the period (exclusive)")
    version: VersionSummary | None = Field(description="The active agreement; null if none")
    overall: Tally = Field(description="All clock terms together this period")
    terms: list[DashboardTermTally] = Field(description="Each clock term of the active version")
    by_owner: list[DashboardOwnerTally] = Field(description="Per rep, by name")
    by_team: list[DashboardTeamTally] = Field(description="Per team, by name")
    pacing: list[PacingRead] = Field(description="Each MQL volume term, in its own period")
    acceptance: list[AcceptanceRead] = Field(description="Each MQL acceptance term")
    at_risk: list[AtRiskRead] = Field(description="Running clocks soonest due, at most 15")
    trend: list[TrendWeek] = Field(description="The last 12 weeks, oldest first")


class ReviewTerm(BaseModel):
    """A term of the active version over the quarter: a clock term's compliance, a volume
    term's pacing or an acceptance term's rate (the others null)."""

    term: TermSummary
    compliance: Tally | None = Field(
        description="A clock term's clocks started this quarter; null if none started"
    )
    pacing: PacingRead | None
    acceptance: AcceptanceRead | None


class SuggestionRead(BaseModel):
    term_key: str
    now: str = Field(description="The term as it reads today")
    suggested: str = Field(description="What the data suggests instead")
    why: str = Field(description="The figures behind the suggestion")


class SlaReviewRead(BaseModel):
    """The quarterly review (/sla/review)."""

    quarter: str = Field(description="e.g. ``Q2 2026``")
    start: datetime = Field(description="The quarter's first instant (UTC)")
    end: datetime = Field(description="The instant after the quarter (exclusive)")
    version: VersionSummary | None = Field(description="The active agreement; null if none")
    terms: list[ReviewTerm]
    suggestions: list[SuggestionRead]

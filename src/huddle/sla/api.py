"""The SLA's JSON API (under /api/v1): versions and signatures, calendars, compliance,
and each contact's clocks with their log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status

from huddle.auth.deps import CurrentActor
from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, require
from huddle.core.timefields import UtcDatetime
from huddle.sla import service
from huddle.sla.models import SlaVersion
from huddle.sla.schemas import (
    COMPLIANCE_ROWS,
    AcceptanceRead,
    AtRiskList,
    AtRiskRead,
    CalendarRead,
    CalendarWrite,
    ClockEventRead,
    ClockRead,
    ComplianceBy,
    ComplianceRead,
    DashboardOwnerTally,
    DashboardTeamTally,
    DashboardTermTally,
    PacingRead,
    ReviewTerm,
    SignatureRead,
    SignatureWrite,
    SlaDashboardRead,
    SlaPeriod,
    SlaReviewRead,
    SuggestionRead,
    Tally,
    TermSummary,
    TrendWeek,
    VersionRead,
    VersionSummary,
    VersionWrite,
)
from huddle.sla.service import reports
from huddle.sla.terms import Term
from huddle.web.deps import SessionDep

router = APIRouter(tags=["sla"])


def _with_signatures(session: SessionDep, versions: list[SlaVersion]) -> list[VersionRead]:
    sigs = service.signatures(session, [v.id for v in versions])
    out = []
    for v in versions:
        read = VersionRead.model_validate(v)
        read.signatures = [SignatureRead.model_validate(s) for s in sigs[v.id]]
        out.append(read)
    return out


@router.get("/sla/versions", operation_id="sla_versions.list", response_model=list[VersionRead])
def list_versions(actor: CurrentActor, session: SessionDep) -> list[VersionRead]:
    """Every version of the agreement, newest first, with its signatures."""
    require(actor, Action.ANALYTICS_READ)
    return _with_signatures(session, service.list_versions(session))


@router.post(
    "/sla/versions",
    operation_id="sla_versions.create",
    response_model=VersionRead,
    status_code=status.HTTP_201_CREATED,
)
def create_version(actor: CurrentActor, session: SessionDep, data: VersionWrite) -> VersionRead:
    """A new draft; its terms are checked (422 names the field, e.g. ``terms[1].hours``)."""
    version = service.create_draft(
        session, actor, title=data.title, body=data.body, terms=data.terms
    )
    return _with_signatures(session, [version])[0]


@router.get(
    "/sla/versions/{version_id:int}", operation_id="sla_versions.get", response_model=VersionRead
)
def get_version(actor: CurrentActor, session: SessionDep, version_id: int) -> VersionRead:
    require(actor, Action.ANALYTICS_READ)
    return _with_signatures(session, [service.get_version(session, version_id)])[0]


@router.put(
    "/sla/versions/{version_id:int}", operation_id="sla_versions.update", response_model=VersionRead
)
def update_version(
    actor: CurrentActor, session: SessionDep, version_id: int, data: VersionWrite
) -> VersionRead:
    """Change a draft (409 once it is active or archived); its signatures are withdrawn."""
    version = service.update_draft(
        session, actor, version_id, title=data.title, body=data.body, terms=data.terms
    )
    return _with_signatures(session, [version])[0]


@router.post(
    "/sla/versions/{version_id:int}/signatures",
    operation_id="sla_versions.sign",
    response_model=VersionRead,
)
def sign_version(
    actor: CurrentActor, session: SessionDep, version_id: int, data: SignatureWrite
) -> VersionRead:
    """Sign a draft for marketing or sales; with both sides signed it becomes active."""
    return _with_signatures(session, [service.sign(session, actor, version_id, data.side)])[0]


@router.get("/sla/calendars", operation_id="calendars.list", response_model=list[CalendarRead])
def list_calendars(actor: CurrentActor, session: SessionDep) -> list[CalendarRead]:
    require(actor, Action.ANALYTICS_READ)
    return [CalendarRead.model_validate(c) for c in service.list_calendars(session)]


@router.put("/sla/calendars/{scope}", operation_id="calendars.save", response_model=CalendarRead)
def save_calendar(
    actor: CurrentActor, session: SessionDep, scope: str, data: CalendarWrite
) -> CalendarRead:
    """The company's (``company``) or a team's (``team:sales``) working hours and holidays."""
    return CalendarRead.model_validate(
        service.save_calendar(session, actor, scope, data.model_dump())
    )


@router.get("/sla/compliance", operation_id="sla.compliance", response_model=list[ComplianceRead])
def compliance(
    actor: CurrentActor,
    session: SessionDep,
    start: Annotated[UtcDatetime, Query()],
    end: Annotated[UtcDatetime, Query()],
    by: ComplianceBy = ComplianceBy.TERM,
) -> list[ComplianceRead]:
    """Clocks started in [start, end): met, breached, open and the compliance per group."""
    require(actor, Action.ANALYTICS_READ)
    if end <= start:
        raise ValidationFailed("bad period", [FieldError("end", "must be after start")])
    row = COMPLIANCE_ROWS[by]
    return [
        row(
            key=c.key,
            label=c.label,
            met=c.met,
            breached=c.breached,
            open=c.open,
            percent=c.percent,
        )
        for c in reports.compliance(session, start=start, end=end, by=by.value)
    ]


@router.get(
    "/contacts/{contact_id:int}/sla-clocks",
    operation_id="sla.contact_clocks",
    response_model=list[ClockRead],
)
def contact_clocks(actor: CurrentActor, session: SessionDep, contact_id: int) -> list[ClockRead]:
    """The contact's SLA clocks (newest first), each with its log."""
    require(actor, Action.CONTACT_READ)
    clocks, events = service.contact_clocks(session, contact_id)
    out = []
    for c in clocks:
        read = ClockRead.model_validate(c)
        read.events = [ClockEventRead.model_validate(e) for e in events if e.clock_id == c.id]
        out.append(read)
    return out


# --- the dashboard and the quarterly review: the pages' own figures --------------------------


def _term(term: Term) -> TermSummary:
    return TermSummary(key=term.key, kind=term.kind, label=term.label, description=term.describe())


def _version(version: SlaVersion | None) -> VersionSummary | None:
    if version is None:
        return None
    return VersionSummary(
        id=version.id,
        number=version.number,
        title=version.title,
        activated_at=version.activated_at,
    )


def _tally(c: reports.Compliance) -> Tally:
    return Tally(met=c.met, breached=c.breached, open=c.open, percent=c.percent)


def _pacing(p: reports.Pacing) -> PacingRead:
    return PacingRead(
        term=_term(p.term),
        period=SlaPeriod(p.term.period or "month"),
        start=p.start,
        end=p.end,
        delivered=p.delivered,
        target=p.target,
        projected=p.projected,
        elapsed=p.elapsed,
        on_track=p.on_track,
        percent_of_target=p.percent_of_target,
    )


def _acceptance(a: reports.Acceptance) -> AcceptanceRead:
    return AcceptanceRead(
        term=_term(a.term),
        start=a.start,
        end=a.end,
        target_percent=a.term.percent or 0,
        mqls=a.mqls,
        accepted=a.accepted,
        percent=a.percent,
        met=a.met,
    )


def _at_risk(r: reports.AtRisk, at: datetime) -> AtRiskRead:
    return AtRiskRead(
        clock_id=r.clock_id,
        contact_id=r.contact_id,
        contact_name=r.contact_name,
        owner_name=r.owner_name,
        term_label=r.term_label,
        due_at=r.due_at,
        seconds_left=int((r.due_at - at).total_seconds()),
        warned=r.warned,
    )


def _trend(p: reports.TrendPoint) -> TrendWeek:
    return TrendWeek(week_start=p.start, met=p.met, breached=p.breached, percent=p.percent)


def _term_compliance(term: Term, c: reports.Compliance | None) -> DashboardTermTally:
    counts = _tally(c) if c else Tally(met=0, breached=0, open=0, percent=None)
    return DashboardTermTally(term=_term(term), **counts.model_dump())


@router.get("/sla/dashboard", operation_id="sla.dashboard", response_model=SlaDashboardRead)
def dashboard(
    actor: CurrentActor,
    session: SessionDep,
    period: Annotated[
        SlaPeriod, Query(description="The week, month or quarter containing now (UTC)")
    ] = SlaPeriod.MONTH,
) -> SlaDashboardRead:
    """Everything the SLA dashboard shows: compliance of the clocks started this period
    (overall, per term, rep and team), MQL pacing and acceptance, the leads at risk now and
    the weekly trend."""
    require(actor, Action.ANALYTICS_READ)
    shown = reports.dashboard(session, period=period.value, personal=contacts.sees_personal(actor))
    return SlaDashboardRead(
        as_of=shown.at,
        period=period,
        start=shown.start,
        end=shown.end,
        version=_version(shown.version),
        overall=_tally(shown.overall),
        terms=[_term_compliance(t, shown.by_term.get(t.key)) for t in shown.clock_terms],
        by_owner=[
            DashboardOwnerTally(owner_id=c.key, label=c.label, **_tally(c).model_dump())
            for c in shown.by_owner
        ],
        by_team=[
            DashboardTeamTally(team=c.key, label=c.label, **_tally(c).model_dump())
            for c in shown.by_team
        ],
        pacing=[_pacing(p) for p in shown.pacing],
        acceptance=[_acceptance(a) for a in shown.acceptance],
        at_risk=[_at_risk(r, shown.at) for r in shown.at_risk],
        trend=[_trend(p) for p in shown.trend],
    )


@router.get("/sla/pacing", operation_id="sla.pacing", response_model=list[PacingRead])
def pacing(actor: CurrentActor, session: SessionDep) -> list[PacingRead]:
    """Each MQL volume term of the active version: MQLs delivered so far in its period
    against the commitment, and the linear projection to the period's end."""
    require(actor, Action.ANALYTICS_READ)
    terms = reports.active_terms(session)
    return [_pacing(p) for p in reports.volume_pacing(session, terms, clock.now())]


@router.get("/sla/acceptance", operation_id="sla.acceptance", response_model=list[AcceptanceRead])
def acceptance(actor: CurrentActor, session: SessionDep) -> list[AcceptanceRead]:
    """Each MQL acceptance term of the active version over its period containing now."""
    require(actor, Action.ANALYTICS_READ)
    terms = reports.active_terms(session)
    return [_acceptance(a) for a in reports.acceptance_rates(session, terms, clock.now())]


@router.get("/sla/at-risk", operation_id="sla.at_risk", response_model=AtRiskList)
def at_risk(
    actor: CurrentActor,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200, description="How many leads at most")] = 15,
) -> AtRiskList:
    """Leads whose running clocks are closest to their due time, with the countdown."""
    require(actor, Action.ANALYTICS_READ)
    at = clock.now()
    found = reports.at_risk(session, limit=limit, personal=contacts.sees_personal(actor))
    return AtRiskList(as_of=at, items=[_at_risk(r, at) for r in found])


@router.get("/sla/trend", operation_id="sla.trend", response_model=list[TrendWeek])
def trend(
    actor: CurrentActor,
    session: SessionDep,
    weeks: Annotated[int, Query(ge=1, le=104, description="How many weeks back")] = 12,
) -> list[TrendWeek]:
    """Weekly compliance of all clock terms by the week clocks started in, oldest first,
    the current week last."""
    require(actor, Action.ANALYTICS_READ)
    return [_trend(p) for p in reports.weekly_trend(session, weeks=weeks)]


def _review_term(
    row: tuple[Term, reports.Compliance | None, reports.Pacing | None, reports.Acceptance | None],
) -> ReviewTerm:
    term, clocks, paced, accepted = row
    return ReviewTerm(
        term=_term(term),
        compliance=_tally(clocks) if clocks else None,
        pacing=_pacing(paced) if paced else None,
        acceptance=_acceptance(accepted) if accepted else None,
    )


@router.get("/sla/review", operation_id="sla.review", response_model=SlaReviewRead)
def review(actor: CurrentActor, session: SessionDep) -> SlaReviewRead:
    """The quarterly review: each term of the active version over this quarter, and the
    terms the data suggests for the next version."""
    require(actor, Action.ANALYTICS_READ)
    result = reports.review(session)
    return SlaReviewRead(
        quarter=reports.quarter_label(result.start),
        start=result.start,
        end=result.end,
        version=_version(result.version),
        terms=[_review_term(row) for row in result.rows],
        suggestions=[
            SuggestionRead(term_key=s.term_key, now=s.now, suggested=s.suggested, why=s.why)
            for s in result.suggestions
        ],
    )

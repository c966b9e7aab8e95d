"""The SLA's JSON API (under /api/v1): versions and signatures, calendars, compliance,
and each contact's clocks with their log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from huddle.auth.deps import CurrentActor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, require
from huddle.core.timefields import UtcDatetime
from huddle.sla import service
from huddle.sla.models import SlaVersion
from huddle.sla.schemas import (
    CalendarRead,
    CalendarWrite,
    ClockEventRead,
    ClockRead,
    ComplianceRead,
    SignatureRead,
    SignatureWrite,
    VersionRead,
    VersionWrite,
)
from huddle.sla.service import reports
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
    by: Annotated[str, Query(pattern="^(term|owner|team)$")] = "term",
) -> list[ComplianceRead]:
    """Clocks started in [start, end): met, breached, open and the compliance per group."""
    require(actor, Action.ANALYTICS_READ)
    if end <= start:
        raise ValidationFailed("bad period", [FieldError("end", "must be after start")])
    return [
        ComplianceRead(
            key=c.key,
            label=c.label,
            met=c.met,
            breached=c.breached,
            open=c.open,
            percent=c.percent,
        )
        for c in reports.compliance(session, start=start, end=end, by=by)
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

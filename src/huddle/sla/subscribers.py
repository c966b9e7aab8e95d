"""The SLA listens: hand-offs start clocks, decisions and sales touches stop them, stage
changes drive custom terms, a breach whose term asks for it routes the lead again. Its own
version changes go to the audit trail."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.audit.subscribers import audited
from huddle.contacts.events import TouchesRecorded, TouchRecorded
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageChanged
from huddle.routing import service as routing
from huddle.routing.events import HandoffDecided, LeadHandedOff, LeadRecycled
from huddle.sla import service
from huddle.sla.events import (
    SlaBreached,
    SlaCalendarChanged,
    SlaEscalated,
    SlaVersionActivated,
    SlaVersionDrafted,
    SlaVersionSigned,
)


@subscribe(LeadHandedOff)
def start_handoff_clocks(session: Session, event: LeadHandedOff) -> None:
    service.on_handed_off(
        session,
        handoff_id=event.handoff_id,
        contact_id=event.contact_id,
        owner_id=event.owner_id,
        team=event.team,
        at=event.at,
    )


@subscribe(HandoffDecided)
def stop_decision_clocks(session: Session, event: HandoffDecided) -> None:
    service.on_decided(
        session,
        handoff_id=event.handoff_id,
        contact_id=event.contact_id,
        owner_id=event.owner_id,
        accepted=event.accepted,
        at=event.at,
    )


@subscribe(LeadRecycled)
def end_recycled_clocks(session: Session, event: LeadRecycled) -> None:
    service.on_recycled(session, contact_id=event.contact_id, at=event.at, reason=event.reason)


@subscribe(TouchesRecorded)
def touches_recorded(session: Session, event: TouchesRecorded) -> None:
    if event.contact_ids:
        service.on_touches(session, event.touch_ids, event.types)


@subscribe(TouchRecorded)
def touch_recorded(session: Session, event: TouchRecorded) -> None:
    if event.contact_id is not None:
        service.on_touches(session, [event.touch_id], [event.type])


@subscribe(StageChanged)
def stage_changed(session: Session, event: StageChanged) -> None:
    service.on_stage_changed(
        session, contact_id=event.contact_id, to_stage=event.to_stage, at=event.at
    )


@subscribe(SlaBreached)
def reroute_a_breached_lead(session: Session, event: SlaBreached) -> None:
    """The term asked for it: route again, passing over the rep who let it breach."""
    if not event.reroute:
        return
    passed_over = (
        {event.owner_id: f"let '{event.term_key}' breach on this lead"} if event.owner_id else {}
    )
    routing.reroute_after_breach(
        session, handoff_id=event.handoff_id, contact_id=event.contact_id, passed_over=passed_over
    )


audited(
    SlaVersionDrafted,
    "sla.version_drafted",
    subject=("sla_version", "version_id"),
    summary="SLA version {number} drafted",
)
audited(
    SlaVersionSigned,
    "sla.version_signed",
    subject=("sla_version", "version_id"),
    summary="SLA version {number} signed for {side} by user #{user_id}",
)
audited(
    SlaVersionActivated,
    "sla.version_activated",
    subject=("sla_version", "version_id"),
    summary="SLA version {number} is active",
)
audited(
    SlaCalendarChanged,
    "sla.calendar_changed",
    subject=("sla_calendar", None),
    summary="Business calendar {scope} changed",
)
# Consequential for the people involved: a breach counts against the owner, an escalation
# puts it in front of their manager.
audited(
    SlaBreached,
    "sla.breached",
    subject=("contact", "contact_id"),
    summary=lambda e: (
        f"SLA term {e.term_key} breached on lead #{e.contact_id} "
        f"({'user #' + str(e.owner_id) if e.owner_id is not None else 'team queue'}), "
        f"due {e.due_at:%Y-%m-%d %H:%M} UTC" + ("; re-routing" if e.reroute else "")
    ),
)
audited(
    SlaEscalated,
    "sla.escalated",
    subject=("contact", "contact_id"),
    summary="SLA breach of {term_key} on lead #{contact_id} escalated to user #{manager_id}",
)

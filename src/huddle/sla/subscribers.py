"""The SLA listens: hand-offs start clocks, decisions and sales touches stop them, stage
changes drive custom terms, plays' tasks start and stop their own, a breach whose term asks
for it routes the lead again. (The audit trail records the SLA's own events:
audit.subscribers.)"""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactsMerged, TouchesRecorded, TouchRecorded
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageChanged
from huddle.plays.events import PlayTaskDone, PlayTaskOpened, PlayTaskWithdrawn
from huddle.routing import service as routing
from huddle.routing.events import HandoffDecided, LeadHandedOff, LeadRecycled
from huddle.sla import service
from huddle.sla.events import SlaBreached
from huddle.sla.repository import clocks as clock_rows


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


@subscribe(PlayTaskOpened)
def start_play_task_clocks(session: Session, event: PlayTaskOpened) -> None:
    service.on_play_task_opened(
        session,
        task_id=event.task_id,
        contact_id=event.contact_id,
        task_owner=event.task_owner,
        owner_id=event.assignee_id,
        team=event.team,
        at=event.at,
    )


@subscribe(PlayTaskDone)
def stop_play_task_clocks(session: Session, event: PlayTaskDone) -> None:
    service.on_play_task_done(
        session, task_id=event.task_id, contact_id=event.contact_id, at=event.at
    )


@subscribe(PlayTaskWithdrawn)
def cancel_play_task_clocks(session: Session, event: PlayTaskWithdrawn) -> None:
    service.on_play_task_withdrawn(
        session, task_id=event.task_id, contact_id=event.contact_id, at=event.at, why=event.reason
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


@subscribe(ContactsMerged)
def keep_merged_clocks(session: Session, event: ContactsMerged) -> None:
    clock_rows.move_clocks(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

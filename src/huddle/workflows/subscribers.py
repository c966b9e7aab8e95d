"""What workflows do when other things happen: a trigger's event enrols contacts, a
touch ends the waits for it (``service.triggers``), and a merged duplicate's enrolments
and list memberships become the survivor's. Enrolling is a row in the emitting
transaction; the steps run later, in the worker (``tasks``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactsMerged, TouchesRecorded, TouchRecorded
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageChanged
from huddle.plays.events import BuyingStageChanged
from huddle.routing.events import HandoffDecided, LeadRecycled
from huddle.scoring.events import ScoresUpdated
from huddle.workflows import repository
from huddle.workflows.service import triggers


@subscribe(TouchRecorded)
def touch_recorded(session: Session, event: TouchRecorded) -> None:
    if event.contact_id is not None:
        triggers.touches_recorded(session, [event.touch_id], [event.type])


@subscribe(TouchesRecorded)
def touches_recorded(session: Session, event: TouchesRecorded) -> None:
    if event.contact_ids:
        triggers.touches_recorded(session, event.touch_ids, event.types)


@subscribe(StageChanged)
def stage_changed(session: Session, event: StageChanged) -> None:
    triggers.stage_entered(session, event.contact_id, event.to_stage)


@subscribe(ScoresUpdated)
def scores_updated(session: Session, event: ScoresUpdated) -> None:
    triggers.scores_updated(session, event.contact_ids)
    triggers.grades_updated(session, event.contact_ids)


@subscribe(BuyingStageChanged)
def buying_stage_changed(session: Session, event: BuyingStageChanged) -> None:
    triggers.buying_stage_changed(session, event.contact_id, event.to_stage)


@subscribe(HandoffDecided)
def handoff_decided(session: Session, event: HandoffDecided) -> None:
    if not event.accepted:
        triggers.lead_decided(session, event.contact_id, kind="lead_rejected")


@subscribe(LeadRecycled)
def lead_recycled(session: Session, event: LeadRecycled) -> None:
    triggers.lead_decided(session, event.contact_id, kind="lead_recycled")


@subscribe(ContactsMerged)
def keep_merged_enrolments(session: Session, event: ContactsMerged) -> None:
    repository.move_contact_rows(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

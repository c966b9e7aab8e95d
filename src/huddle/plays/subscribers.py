"""What plays do when other things happen: touches move contacts' buying stages, a new
customer reaches the last one, a buying stage entered starts the plays keyed to it, and
a merged duplicate's runs become the survivor's."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactsMerged, TouchesRecorded, TouchRecorded
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageChanged
from huddle.plays import repository, service
from huddle.plays.events import BuyingStageChanged


@subscribe(TouchRecorded)
def touch_recorded(session: Session, event: TouchRecorded) -> None:
    if event.contact_id is not None:
        service.infer_from_touches(session, [event.touch_id], [event.type])


@subscribe(TouchesRecorded)
def touches_recorded(session: Session, event: TouchesRecorded) -> None:
    if event.contact_ids:
        service.infer_from_touches(session, event.touch_ids, event.types)


@subscribe(StageChanged)
def stage_changed(session: Session, event: StageChanged) -> None:
    if event.to_stage == "customer":
        service.became_customer(session, event.contact_id)


@subscribe(BuyingStageChanged)
def buying_stage_changed(session: Session, event: BuyingStageChanged) -> None:
    names = service.stage_names(session)
    service.start_for_stage(
        session, event.contact_id, event.to_stage, names.get(event.to_stage, event.to_stage)
    )


@subscribe(ContactsMerged)
def keep_merged_runs(session: Session, event: ContactsMerged) -> None:
    repository.move_contact_rows(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

"""A contact that becomes an MQL (by a rule or a person) is routed in the same transaction;
a lead that moves on outside the queue closes its open hand-off."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactErased
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageChanged
from huddle.routing.service import close_on_stage_change, route_contact, scrub_contact
from huddle.routing.service.routing import ROUTER, handoff_is_open
from huddle.sla.events import SlaBreached


@subscribe(StageChanged)
def route_new_mql(session: Session, event: StageChanged) -> None:
    if event.to_stage == "mql":
        route_contact(session, event.contact_id, actor=ROUTER, note=event.reason)


@subscribe(StageChanged)
def close_handoff(session: Session, event: StageChanged) -> None:
    close_on_stage_change(session, event)


@subscribe(ContactErased)
def scrub_erased(session: Session, event: ContactErased) -> None:
    scrub_contact(session, event.contact_id, event.needles)


@subscribe(SlaBreached)
def reroute_a_breached_lead(session: Session, event: SlaBreached) -> None:
    """The term asked for it: route again, passing over the rep who let it breach."""
    if not event.reroute or not handoff_is_open(session, event.handoff_id):
        return
    excluded = (
        {event.owner_id: f"let '{event.term_key}' breach on this lead"} if event.owner_id else {}
    )
    route_contact(session, event.contact_id, actor=ROUTER, note="SLA breached", excluded=excluded)

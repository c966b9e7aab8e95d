"""What routing does when other things happen.

A contact that becomes an MQL (by a scoring rule or a person) is routed by a job after
that commit (``tasks.route_qualified_lead``): only the job is queued here, in the same
transaction. A hand-off is told to whoever gets the lead (in the transaction that made
it). A lead that moves on outside the queue closes its open hand-off. Re-routing after an
SLA breach is the SLA's call (``service.reroute_after_breach``): routing knows nothing of
the SLA.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactErased, ContactsMerged
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageChanged
from huddle.notifications import service as notifications
from huddle.routing import repository, service
from huddle.routing.events import LeadHandedOff


@subscribe(StageChanged)
def queue_routing_of_new_mql(session: Session, event: StageChanged) -> None:
    if event.to_stage == "mql":
        service.queue_routing(session, event.contact_id)


@subscribe(StageChanged)
def close_handoff(session: Session, event: StageChanged) -> None:
    service.close_on_stage_change(session, event)


@subscribe(LeadHandedOff)
def tell_who_gets_the_lead(session: Session, event: LeadHandedOff) -> None:
    """The owner gets the packet; nobody eligible alerts the team pool's manager."""
    notice = service.handoff_notice(session, event.handoff_id)
    if notice is not None:
        notifications.notify(
            session,
            user_id=notice.user_id,
            kind=notice.kind,
            subject=notice.subject,
            body=notice.body,
            link=notice.link,
            data=notice.data,
        )


@subscribe(ContactErased)
def scrub_erased(session: Session, event: ContactErased) -> None:
    service.scrub_contact(session, event.contact_id, event.needles)


@subscribe(ContactsMerged)
def keep_merged_handoffs(session: Session, event: ContactsMerged) -> None:
    repository.move_handoffs(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

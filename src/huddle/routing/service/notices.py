"""Who hears of a hand-off and what they read: the new owner gets the packet ("New lead
for you"); a lead nobody was eligible for alerts its team pool's manager ("Nobody
eligible"). Routing's ``LeadHandedOff`` subscriber sends it through notifications."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas.normalize import full_name
from huddle.notifications.schemas import HandoffKind, HandoffNoticeData, HandoffPacket
from huddle.routing import repository
from huddle.routing.models import Handoff
from huddle.routing.service.packet import packet_text

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

HANDED_TO_YOU: HandoffKind = "routing.handoff"
NOBODY_ELIGIBLE: HandoffKind = "routing.unassigned"


@dataclass(frozen=True)
class HandoffNotice:
    user_id: int
    kind: HandoffKind
    subject: str
    body: str
    link: str
    data: HandoffNoticeData


def handoff_notice(session: Session, handoff_id: int) -> HandoffNotice | None:
    """The notice a hand-off sends: to its owner, else to its team pool's manager; None
    when it has neither (an unrouted lead in no pool) or is not stored."""
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        return None
    name = _display_name(contacts_service.get_contact(session, handoff.contact_id))
    link = f"/queue/{handoff.id}"
    data = HandoffNoticeData(
        handoff_id=handoff.id,
        contact_id=handoff.contact_id,
        packet=HandoffPacket.model_validate(handoff.packet),
    )
    if handoff.owner_id is not None:
        return HandoffNotice(
            user_id=handoff.owner_id,
            kind=HANDED_TO_YOU,
            subject=f"New lead for you: {name}",
            body=f"{name} was routed to you: {handoff.reason}.\n\n{packet_text(handoff.packet)}",
            link=link,
            data=data,
        )
    manager = repository.pool_manager_id(session, handoff.pool_id)
    if manager is None:
        return None
    return HandoffNotice(
        user_id=manager,
        kind=NOBODY_ELIGIBLE,
        subject=f"Nobody eligible for {name}: waiting in {handoff.queue_name}",
        body=f"{handoff.reason}.\n\nWho was considered:\n" + _considered(session, handoff),
        link=link,
        data=data,
    )


def _display_name(contact: Contact) -> str:
    """The lead as a person reads it: their name, else their email (a CRM record may have
    neither: then what it is)."""
    named = full_name(contact.first_name, contact.last_name) or contact.email
    return named or "a contact without a name or email"


def _considered(session: Session, handoff: Handoff) -> str:
    """Each rep the decision weighed, by name (as the decision recorded it, else as the user
    is called now; one removed since is said to be)."""
    people = repository.users(session, [c["user_id"] for c in handoff.candidates])
    lines = []
    for c in handoff.candidates:
        user = people.get(c["user_id"])
        name = c.get("name") or (user.name if user else "a user no longer in Huddle")
        lines.append(f"- {name}: {c['skipped'] or 'eligible'}")
    return "\n".join(lines)

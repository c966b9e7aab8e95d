"""Notes on a deal. Notes are contacts' records, deals are lifecycle's: the note is stored
by contacts' notes service, the deal it is on (and who owns it) is found here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.actor import Actor
from huddle.lifecycle.service.opportunities import get_opportunity

if TYPE_CHECKING:
    from huddle.contacts.models import Note


def add_deal_note(session: Session, opportunity_id: int, *, body: str, actor: Actor) -> Note:
    """A note by the actor on a deal (404 if there is no such deal). Sales reps write notes
    only on their own or unassigned deals."""
    return contacts_service.add_deal_note(
        session,
        opportunity_id,
        owner_of_deal=lambda: get_opportunity(session, opportunity_id).owner_id,
        body=body,
        actor=actor,
    )

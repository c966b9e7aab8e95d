"""What the mailing domain does when others change: an erased contact's address leaves
the send log and the suppression list; a merged contact's sends become the survivor's."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactErased, ContactsMerged
from huddle.core.events import subscribe
from huddle.mailing import repository, service


@subscribe(ContactErased)
def scrub_erased_contact(session: Session, event: ContactErased) -> None:
    service.scrub_erased(session, event.needles)


@subscribe(ContactsMerged)
def keep_merged_sends(session: Session, event: ContactsMerged) -> None:
    repository.move_sends(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

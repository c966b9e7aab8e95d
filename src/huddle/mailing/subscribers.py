"""What the mailing domain does when others change: an erased contact's address leaves
the send log and the suppression list."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactErased
from huddle.core.events import subscribe
from huddle.mailing import service


@subscribe(ContactErased)
def scrub_erased_contact(session: Session, event: ContactErased) -> None:
    service.scrub_erased(session, event.needles)

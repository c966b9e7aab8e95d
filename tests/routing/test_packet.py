"""What the hand-off packet says a lead consumed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.routing.service.packet import build_packet
from tests.contacts.factories import make_contact, make_touch


def test_consumed_items_are_named_by_their_title_or_email_subject(db: Session) -> None:
    contact = make_contact(db)
    make_touch(db, contact_id=contact.id, type="email_sent", properties={"subject": "Welcome"})
    make_touch(
        db, contact_id=contact.id, type="page_view", properties={"title": "Pricing", "url": "/p"}
    )

    packet = build_packet(db, contacts_service.get_contact(db, contact.id))

    assert {(c["type"], c["what"]) for c in packet["consumed"]} == {
        ("email_sent", "Welcome"),
        ("page_view", "Pricing"),
    }

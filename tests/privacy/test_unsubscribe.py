from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import SYSTEM, Actor
from huddle.core.settings import Settings
from huddle.privacy import service as privacy


def _contact(db: Session, **fields: object) -> int:
    contact, _ = contacts.upsert_contact(
        db, ContactCreate(email="reader@newsletter.example", **fields), actor=Actor.system()
    )
    db.commit()
    return contact.id


def test_one_click_unsubscribe_opts_out_and_is_recorded(
    anon_client: TestClient, db: Session, settings: Settings
) -> None:
    contact_id = _contact(db, email_opt_in="opted_in")
    headers = privacy.unsubscribe_headers(
        contact_id, base_url="https://huddle.example", secret=settings.secret_key
    )
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = headers["List-Unsubscribe"].strip("<>").removeprefix("https://huddle.example")

    page = anon_client.get(path)  # a link scanner's GET changes nothing
    assert page.status_code == 200 and "Unsubscribe" in page.text
    assert contacts.can_email(contacts.get_contact(db, contact_id))

    # RFC 8058: the mail client POSTs this body, without cookies.
    done = anon_client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "unsubscribed" in done.text
    db.expire_all()
    contact = contacts.get_contact(db, contact_id)
    assert contact.email_opt_in == "opted_out" and not contacts.can_email(contact)
    [change] = [
        c
        for c in contacts.consent_history(db, contact_id, actor=SYSTEM)
        if c.new_value == "opted_out"
    ]
    assert change.source == privacy.UNSUBSCRIBE_SOURCE
    entry = db.query(AuditEntry).filter_by(action="contact.consent_changed").all()[-1]
    assert (entry.actor_kind, entry.subject_id) == ("contact", str(contact_id))

    again = anon_client.post(path)  # a second click: same answer, nothing new recorded
    assert again.status_code == 200
    assert len(contacts.consent_history(db, contact_id, actor=SYSTEM)) == 2


def test_a_tampered_token_is_400_and_changes_nothing(
    anon_client: TestClient, db: Session, settings: Settings
) -> None:
    contact_id = _contact(db, email_opt_in="opted_in")
    other_id = _contact_other(db)
    token = privacy.unsubscribe_token(contact_id, secret=settings.secret_key)
    forged = privacy.unsubscribe_token(other_id, secret="someone else's secret key 123456")

    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), forged, "nonsense"):
        assert anon_client.post(f"/unsubscribe/{bad}").status_code == 400
        assert anon_client.get(f"/unsubscribe/{bad}").status_code == 400
    db.expire_all()
    assert contacts.get_contact(db, contact_id).email_opt_in == "opted_in"
    assert contacts.get_contact(db, other_id).email_opt_in == "unknown"


def _contact_other(db: Session) -> int:
    contact, _ = contacts.upsert_contact(
        db, ContactCreate(email="other@newsletter.example"), actor=Actor.system()
    )
    db.commit()
    return contact.id


def test_can_email_honours_every_way_of_saying_no(db: Session) -> None:
    contact_id = _contact(db)
    contact = contacts.get_contact(db, contact_id)
    assert contacts.can_email(contact)  # unknown: the sender decides if it needs an opt-in
    for field, value in (("do_not_email", True), ("email_opt_in", "opted_out")):
        contact = contacts.get_contact(db, contact_id)
        contacts.set_consent(
            db, contact_id, field=field, value=value, source="t", actor=Actor.system()
        )
        assert not contacts.can_email(contact)
        reset = "unknown" if field == "email_opt_in" else False
        contacts.set_consent(
            db, contact_id, field=field, value=reset, source="t", actor=Actor.system()
        )
        assert contacts.can_email(contact)

"""Marketing email through a real SMTP server (aiosmtpd on loopback): what arrives, with
which headers; who gets nothing, decided when the worker sends; and the links in it."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import cast

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.models import Contact, Touch
from huddle.core.actor import SYSTEM
from huddle.core.clock import ShiftedClock
from huddle.core.jobs import Job
from huddle.core.settings import get_settings
from huddle.mailing import service
from huddle.mailing.models import EmailSend
from huddle.mailing.schemas import SuppressionWrite
from huddle.privacy import service as privacy
from tests.contacts.factories import make_account, make_contact
from tests.mailing.conftest import PUBLIC_URL, Inbox, deliver_queued
from tests.mailing.factories import make_template


def _received(raw: bytes) -> EmailMessage:
    return cast(EmailMessage, message_from_bytes(raw, policy=policy.default))


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def _send(db: Session, contact: Contact, key: str, **template: str) -> service.SendOutcome:
    made = make_template(db, **template)
    return service.send_template_to_contact(
        db, template_id=made.id, contact_id=contact.id, idempotency_key=key
    )


def _log(db: Session, send_id: int) -> EmailSend:
    send = db.get(EmailSend, send_id)
    assert send is not None
    return send


def test_a_message_arrives_multipart_with_its_headers_tracking_and_unsubscribe_link(
    db: Session, smtp: Inbox
) -> None:
    globex = make_account(db, name="Globex")
    contact = make_contact(db, first_name="Zoë", email="zoe@globex.example", account=globex)

    outcome = _send(db, contact, "welcome:zoe")

    assert outcome.status == "queued" and not outcome.skipped
    assert smtp.messages == []  # delivered by the worker, not inline
    assert deliver_queued(db) == 1
    [(sender, recipients, raw)] = smtp.messages
    message = _received(raw)
    send = _log(db, outcome.send_id)
    assert recipients == ["zoe@globex.example"]
    assert sender == "huddle@acme.example"
    assert message["Subject"] == "Welcome, Zoë"
    assert message["Message-ID"] == send.message_id
    assert message.get_content_type() == "multipart/alternative"
    unsubscribe = f"{PUBLIC_URL}/unsubscribe/" + privacy.unsubscribe_token(
        contact.id, secret=_secret()
    )
    assert message["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = _parts(message)
    assert "Hello Zoë of Globex" in text and unsubscribe in text
    assert "Read the guide (https://www.acme.example/guide?x=1&y=2)" in text
    assert f'href="{unsubscribe}"' in html
    # The link goes through the signed click redirect; the pixel records the open.
    assert "https://www.acme.example/guide" not in html
    assert f'href="{PUBLIC_URL}/e/c/' in html and f'src="{PUBLIC_URL}/e/o/' in html
    assert (send.status, send.to_address, send.reason) == ("sent", "zoe@globex.example", None)
    assert send.sent_at is not None


def _secret() -> str:
    return get_settings().secret_key


def _suppressed(db: Session, contact: Contact) -> Contact:
    service.add_suppression(db, SuppressionWrite(email=contact.email or ""), actor=SYSTEM)
    return contact


def test_a_repeated_idempotency_key_sends_nothing_more(db: Session, smtp: Inbox) -> None:
    contact = make_contact(db)
    template = make_template(db)
    first = service.send_template_to_contact(
        db, template_id=template.id, contact_id=contact.id, idempotency_key="step-7:contact"
    )
    deliver_queued(db)

    again = service.send_template_to_contact(
        db, template_id=template.id, contact_id=contact.id, idempotency_key="step-7:contact"
    )

    assert again.repeated and again.send_id == first.send_id and again.status == "sent"
    assert deliver_queued(db) == 0
    assert len(smtp.messages) == 1


def test_the_unsubscribe_link_works_end_to_end_and_the_next_send_is_skipped(
    db: Session, smtp: Inbox, anon_client: TestClient
) -> None:
    contact = make_contact(db)
    _send(db, contact, "first")
    deliver_queued(db)
    [(_, _, raw)] = smtp.messages
    link = str(_received(raw)["List-Unsubscribe"]).strip("<>")
    # A message queued before the unsubscribe, delivered after it.
    queued = _send(db, contact, "queued before the unsubscribe")
    db.commit()

    path = link.removeprefix(PUBLIC_URL)
    assert anon_client.get(path).status_code == 200  # a page with a button: nothing yet
    assert anon_client.post(path).status_code == 200  # the button, or one-click

    db.expire_all()
    assert contacts.get_contact(db, contact.id).email_opt_in == "opted_out"
    assert deliver_queued(db) == 1
    assert len(smtp.messages) == 1  # checked at send time: nothing more went out
    assert (_log(db, queued.send_id).status, _log(db, queued.send_id).reason) == (
        "skipped",
        "unsubscribed",
    )
    later = _send(db, contact, "after")
    assert (later.status, later.reason) == ("skipped", "unsubscribed")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda db: make_contact(db, do_not_email=True), "marked do-not-email"),
        (lambda db: make_contact(db, email_opt_in="opted_out"), "unsubscribed"),
        (lambda db: _suppressed(db, make_contact(db)), "suppressed (manual)"),
    ],
    ids=["do-not-email", "opted-out", "suppressed"],
)
def test_contacts_who_may_not_be_mailed_get_nothing_and_the_log_says_why(
    db: Session, smtp: Inbox, make: object, reason: str
) -> None:
    contact = make(db)  # type: ignore[operator]

    outcome = _send(db, contact, "x")

    assert (outcome.status, outcome.reason) == ("skipped", reason)
    assert deliver_queued(db) == 0
    assert smtp.messages == []


def test_suppressed_or_erased_after_queueing_still_gets_nothing(db: Session, smtp: Inbox) -> None:
    bounced, erased = make_contact(db), make_contact(db)
    to_bounced, to_erased = _send(db, bounced, "a"), _send(db, erased, "b")
    service.add_suppression(
        db, SuppressionWrite(email=bounced.email or "", reason="bounce"), actor=SYSTEM
    )
    privacy.erase_personal_data(db, erased.id, actor=SYSTEM)

    assert deliver_queued(db) == 2

    assert smtp.messages == []
    assert _log(db, to_bounced.send_id).reason == "suppressed (bounce)"
    assert _log(db, to_erased.send_id).reason == "erased"


def test_a_tracked_click_goes_only_to_the_signed_link_and_the_open_is_recorded(
    db: Session, smtp: Inbox, anon_client: TestClient
) -> None:
    contact = make_contact(db)
    _send(db, contact, "tracked")
    deliver_queued(db)
    [(_, _, raw)] = smtp.messages
    _, html = _parts(_received(raw))
    click = html.split(f'href="{PUBLIC_URL}', 1)[1].split('"', 1)[0]
    pixel = html.split(f'src="{PUBLIC_URL}', 1)[1].split('"', 1)[0]
    db.commit()

    followed = anon_client.get(click, follow_redirects=False)
    assert followed.status_code == 302
    assert followed.headers["location"] == "https://www.acme.example/guide?x=1&y=2"
    assert anon_client.get(pixel).status_code == 200
    assert anon_client.get(click[:-3] + "xyz", follow_redirects=False).status_code == 404

    kinds = db.scalars(select(Touch.type).where(Touch.contact_id == contact.id)).all()
    assert sorted(kinds) == ["email_clicked", "email_opened"]


def test_over_the_domain_rate_limit_a_message_waits_for_the_next_minute(
    db: Session, smtp: Inbox, monkeypatch: pytest.MonkeyPatch, test_clock: ShiftedClock
) -> None:
    monkeypatch.setenv("HUDDLE_MAILING_DOMAIN_RATE_PER_MINUTE", "1")
    get_settings.cache_clear()
    test_clock.set(test_clock.now().replace(second=5))
    first = _send(db, make_contact(db, email="a@busy.example"), "a")
    second = _send(db, make_contact(db, email="b@busy.example"), "b")
    elsewhere = _send(db, make_contact(db, email="c@quiet.example"), "c")

    deliver_queued(db)

    assert sorted(to for _, [to], _ in smtp.messages) == ["a@busy.example", "c@quiet.example"]
    waiting = _log(db, second.send_id)
    assert waiting.status == "queued" and waiting.reason is not None
    [retry] = db.scalars(select(Job).where(Job.kind == service.DELIVER_JOB, Job.status == "queued"))
    assert retry.run_after > test_clock.now()
    assert (_log(db, first.send_id).status, _log(db, elsewhere.send_id).status) == ("sent", "sent")

    test_clock.advance(timedelta(minutes=1))
    assert deliver_queued(db) == 1
    assert len(smtp.messages) == 3 and _log(db, second.send_id).status == "sent"


def test_a_send_left_sending_by_a_crash_is_sent_again_and_a_sent_one_never(
    db: Session, smtp: Inbox
) -> None:
    """A worker that died before the final dot left "sending" (the server kept nothing):
    the job's rerun sends it, with the same Message-ID. One that died after leaving "sent"
    sends nothing more."""
    interrupted = _send(db, make_contact(db), "interrupted")
    done = _send(db, make_contact(db), "done")
    db.execute(
        update(EmailSend)
        .where(EmailSend.id == interrupted.send_id)
        .values(status="sending", message_id="<mail.fixed@acme.example>")
    )
    db.execute(update(EmailSend).where(EmailSend.id == done.send_id).values(status="sent"))

    assert deliver_queued(db) == 2

    [(_, _, raw)] = smtp.messages
    assert _received(raw)["Message-ID"] == "<mail.fixed@acme.example>"
    assert _log(db, interrupted.send_id).status == "sent"

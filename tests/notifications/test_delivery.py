"""Notifications reach people: in-app at once, by email through a real SMTP server
(aiosmtpd on loopback) and to a real local HTTP server with a verifiable signature, each
by its delivery job."""

from __future__ import annotations

import hashlib
import hmac
import json
from email import message_from_bytes

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.notifications import service
from huddle.notifications.models import OutboundEmail, WebhookDelivery
from huddle.notifications.schemas import SlaAlertData
from tests.conftest import make_user
from tests.notifications.conftest import ALERT, SECRET, Inbox, run_jobs


def test_notify_shows_in_app_and_sends_the_email_by_smtp(db: Session, smtp: Inbox) -> None:
    rep = make_user(db, name="Ann Rep", role="sales_rep", team="sales", email="ann@acme.example")
    note = service.notify(
        db,
        user_id=rep.id,
        kind="sla.warning",
        subject="New lead",
        body="Call them",
        link="/q/1",
        data=ALERT,
    )

    assert service.unread_count(db, rep.id) == 1
    assert smtp.messages == []  # nothing sent inline
    assert run_jobs(db, service.SEND_EMAIL_JOB) == 1

    [(sender, recipients, raw)] = smtp.messages
    message = message_from_bytes(raw)
    assert (sender, recipients) == ("huddle@acme.example", ["ann@acme.example"])
    assert message["Subject"] == "New lead"
    assert "Call them" in message.get_payload(decode=True).decode()
    [outgoing] = db.scalars(select(OutboundEmail).where(OutboundEmail.notification_id == note.id))
    assert outgoing.status == "sent" and outgoing.sent_at is not None

    assert service.mark_read(db, rep.id, note.id) == 1
    assert service.unread_count(db, rep.id) == 0


def test_webhooks_get_a_signed_json_post(
    db: Session, receiver: tuple[str, list[tuple[dict[str, str], bytes]]]
) -> None:
    url, received = receiver
    hook = service.save_webhook(db, name="CRM", url=url, secret=SECRET, actor=SYSTEM)
    service.save_webhook(
        db, name="Only SLA", url=url, secret=SECRET, kinds=["sla.warning"], actor=SYSTEM
    )
    rep = make_user(db, name="Ann Rep", role="sales_rep", team="sales")
    service.notify(
        db,
        user_id=rep.id,
        kind="sla.breached",
        subject="First touch for Wile: SLA breached",
        body="Call them",
        link="/contacts/3",
        data=SlaAlertData(clock_id=7, contact_id=3),
        email=False,
    )

    assert run_jobs(db, service.DELIVER_WEBHOOK_JOB) == 1

    [(headers, body)] = received
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Huddle-Signature"], expected)
    payload = json.loads(body)
    assert payload["kind"] == "sla.breached"
    assert payload["data"] == {"clock_id": 7, "contact_id": 3}
    assert payload["user"]["id"] == rep.id
    assert payload["link"].endswith("/contacts/3")
    [delivery] = db.scalars(select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id))
    assert (delivery.status, delivery.response_status) == ("delivered", 204)


def test_webhook_settings_are_checked_and_limited_to_routing_editors(db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        service.save_webhook(db, name="x", url="ftp://nope", secret="short", actor=SYSTEM)
    assert {e.field for e in refused.value.errors} == {"url", "secret"}
    rep = make_user(db, role="sales_rep", team="sales")
    with pytest.raises(NotPermitted):
        service.save_webhook(
            db,
            name="x",
            url="http://127.0.0.1/x",
            secret=SECRET,
            actor=Actor.user(rep.id, role="sales_rep"),
        )


def test_a_notification_whose_data_is_not_its_kinds_is_refused(db: Session) -> None:
    """What a webhook receives for a kind is what the document says it carries."""
    rep = make_user(db, name="Ann Rep", role="sales_rep", team="sales")
    with pytest.raises(ValueError, match="data"):
        service.notify(
            db, user_id=rep.id, kind="routing.handoff", subject="s", body="b", data=ALERT
        )

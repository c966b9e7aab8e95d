"""Delivery against the SMTP server's moods: a server that asks for a login gets the one
the settings give; a server that cannot be reached keeps the message waiting (queued
again, nothing lost); an erased contact leaves the send log and the suppression list; a
batch goes over as many connections as the settings allow, each message once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core.actor import SYSTEM
from huddle.core.clock import ShiftedClock
from huddle.core.settings import get_settings
from huddle.mailing import service
from huddle.mailing.models import EmailSend, EmailSuppression
from huddle.mailing.schemas import SuppressionWrite
from huddle.privacy import service as privacy
from tests.contacts.factories import make_contact
from tests.mail import Inbox, SmtpServer, free_port
from tests.mailing.conftest import deliver_queued
from tests.mailing.factories import make_template

USER, PASSWORD = "huddle", "smtp-password-1"


def _queue(db: Session, email: str | None = None) -> int:
    contact = make_contact(db, **({"email": email} if email else {}))
    return service.send_template_to_contact(
        db, template_id=make_template(db).id, contact_id=contact.id, idempotency_key=email or "k"
    ).send_id


def _check_login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok)


@pytest.fixture
def login_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """An SMTP server that takes mail only after a login (over plain text: loopback)."""
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_check_login,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    for name, value in {
        "HUDDLE_SMTP_HOST": "127.0.0.1",
        "HUDDLE_SMTP_PORT": str(port),
        "HUDDLE_SMTP_USERNAME": USER,
        "HUDDLE_SMTP_PASSWORD": PASSWORD,
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield inbox
    controller.stop()


# aiosmtpd warns of a login without TLS: here it is loopback, and TLS is the settings' job.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_login_the_settings_give_is_used(db: Session, login_server: Inbox) -> None:
    send_id = _queue(db)

    deliver_queued(db)

    assert len(login_server.messages) == 1
    assert db.get(EmailSend, send_id).status == "sent"  # type: ignore[union-attr]


def test_an_unreachable_server_keeps_the_message_waiting_then_sends_it(
    db: Session, smtp_server: SmtpServer, test_clock: ShiftedClock
) -> None:
    smtp_server.stop()
    send_id = _queue(db)

    deliver_queued(db)

    send = db.get(EmailSend, send_id)
    assert send is not None and send.status == "queued"
    assert send.reason is not None and "cannot be reached" in send.reason
    smtp_server.start()
    test_clock.advance(timedelta(minutes=2))
    deliver_queued(db)
    assert len(smtp_server.inbox.messages) == 1
    assert db.get(EmailSend, send_id).status == "sent"  # type: ignore[union-attr]


def test_an_erased_contact_leaves_the_send_log_and_the_suppression_list(
    db: Session, smtp: Inbox
) -> None:
    send_id = _queue(db, "ada.lovelace@example.org")
    deliver_queued(db)
    service.add_suppression(db, SuppressionWrite(email="ada.lovelace@example.org"), actor=SYSTEM)
    send = db.get(EmailSend, send_id)
    assert send is not None and send.contact_id is not None

    privacy.erase_personal_data(db, send.contact_id, actor=SYSTEM)
    db.expire_all()

    assert "ada.lovelace" not in (db.get(EmailSend, send_id).to_address or "")  # type: ignore[union-attr]
    assert db.scalar(select(EmailSuppression)) is None


@pytest.mark.parametrize("connections", [1, 3])
def test_a_batch_goes_over_the_connections_the_settings_allow_each_message_once(
    db: Session, smtp: Inbox, monkeypatch: pytest.MonkeyPatch, connections: int
) -> None:
    monkeypatch.setenv("HUDDLE_MAILING_CONNECTIONS", str(connections))
    get_settings.cache_clear()
    readers = [f"reader{n}@batch.example" for n in range(10)]
    template = make_template(db)
    with service.one_delivery(db):
        for reader in readers:
            service.send_template_to_contact(
                db,
                template_id=template.id,
                contact_id=make_contact(db, email=reader).id,
                idempotency_key=reader,
            )

    assert deliver_queued(db) == 1  # one job for the batch
    assert sorted(to for _, [to], _ in smtp.messages) == sorted(readers)
    assert len(set(smtp.peers)) == connections
    statuses = db.scalars(select(EmailSend.status).where(EmailSend.idempotency_key.in_(readers)))
    assert set(statuses) == {"sent"}


def test_a_merged_duplicates_sends_stay_in_the_send_log_under_the_survivor(
    db: Session, smtp: Inbox
) -> None:
    survivor = make_contact(db, email="kept@merge.example")
    send_id = _queue(db, "dup@merge.example")
    deliver_queued(db)
    duplicate_id = db.get(EmailSend, send_id).contact_id  # type: ignore[union-attr]

    contacts.merge_contacts(db, survivor.id, duplicate_id, actor=SYSTEM)
    send = db.get(EmailSend, send_id)
    assert send is not None and (send.contact_id, send.status) == (survivor.id, "sent")

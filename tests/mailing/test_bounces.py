"""Bounces and complaints suppress the address, however they arrive: a DSN (RFC 3464) or
a feedback report (RFC 5965) delivered to ``huddle mailing bounce``, an SMTP server's
refusal, or a provider's events through the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine
from huddle.core.migrations import upgrade
from huddle.core.settings import get_settings
from huddle.mailing import service
from huddle.mailing.models import EmailSuppression
from huddle.mailing.reports import read_report
from tests.contacts.factories import make_contact
from tests.mailing.conftest import Inbox, deliver_queued
from tests.mailing.factories import make_template


def dsn(recipient: str, *, action: str = "failed", status: str = "5.1.1") -> bytes:
    """A delivery status notification as Postfix writes one."""
    return (
        "From: MAILER-DAEMON@mx.acme.example (Mail Delivery System)\r\n"
        "To: bounces@acme.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B0"\r\n'
        "\r\n"
        "--B0\r\n"
        "Content-Type: text/plain\r\n"
        "\r\n"
        "I'm sorry to have to inform you that your message could not be delivered.\r\n"
        "--B0\r\n"
        "Content-Type: message/delivery-status\r\n"
        "\r\n"
        "Reporting-MTA: dns; mx.acme.example\r\n"
        "Arrival-Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
        "\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\n"
        f"Original-Recipient: rfc822;{recipient}\r\n"
        f"Action: {action}\r\n"
        f"Status: {status}\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <user>: Recipient address rejected: User unknown\r\n"
        "\r\n"
        "--B0\r\n"
        "Content-Type: text/rfc822-headers\r\n"
        "\r\n"
        f"To: {recipient}\r\n"
        "Subject: Welcome\r\n"
        "\r\n"
        "--B0--\r\n"
    ).encode()


def arf(recipient: str) -> bytes:
    """A feedback-loop complaint (ARF) with the original message's headers."""
    return (
        "From: fbl@isp.example\r\n"
        "To: feedback@acme.example\r\n"
        "Subject: FW: Welcome\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=feedback-report; boundary="F"\r\n'
        "\r\n"
        "--F\r\n"
        "Content-Type: text/plain\r\n"
        "\r\n"
        "This is an email abuse report.\r\n"
        "--F\r\n"
        "Content-Type: message/feedback-report\r\n"
        "\r\n"
        "Feedback-Type: abuse\r\n"
        "User-Agent: SomeGenerator/1.0\r\n"
        "Version: 1\r\n"
        "\r\n"
        "--F\r\n"
        "Content-Type: text/rfc822-headers\r\n"
        "\r\n"
        "From: huddle@acme.example\r\n"
        f"To: {recipient}\r\n"
        "Subject: Welcome\r\n"
        "\r\n"
        "--F--\r\n"
    ).encode()


def test_reports_are_read_permanent_failures_and_complaints_only() -> None:
    [bounce] = read_report(dsn("Gone@Example.org"))
    assert (bounce.email, bounce.reason) == ("gone@example.org", "bounce")
    assert bounce.detail.startswith("5.1.1 smtp; 550")
    assert read_report(dsn("slow@example.org", action="delayed", status="4.4.1")) == []
    [complaint] = read_report(arf("angry@example.org"))
    assert (complaint.email, complaint.reason) == ("angry@example.org", "complaint")
    assert read_report(b"From: a@b.example\r\nSubject: hello\r\n\r\njust mail\r\n") == []
    assert read_report(b"\x00\xff not even a message") == []


def test_a_dsn_bounce_suppresses_and_the_next_send_is_skipped(db: Session, smtp: Inbox) -> None:
    contact = make_contact(db, email="gone@example.org")

    [suppressed] = service.record_report(db, dsn("gone@example.org"), actor=SYSTEM)

    assert suppressed.new and suppressed.suppression.reason == "bounce"
    outcome = service.send_template_to_contact(
        db, template_id=make_template(db).id, contact_id=contact.id, idempotency_key="k"
    )
    assert (outcome.status, outcome.reason) == ("skipped", "suppressed (bounce)")
    assert deliver_queued(db) == 0 and smtp.messages == []
    [again] = service.record_report(db, dsn("gone@example.org"), actor=SYSTEM)
    assert not again.new


def test_a_recipient_the_smtp_server_refuses_for_good_is_failed_and_suppressed(
    db: Session, smtp_server: object
) -> None:
    from tests.mail import SmtpServer

    assert isinstance(smtp_server, SmtpServer)

    async def refuse(
        server: object, session: object, envelope: object, address: str, options: list[str]
    ) -> str:
        return "550 5.1.1 no such user"

    smtp_server.inbox.handle_RCPT = refuse  # type: ignore[attr-defined]
    smtp_server.stop()
    smtp_server.start()
    contact = make_contact(db, email="nobody@example.org")
    outcome = service.send_template_to_contact(
        db, template_id=make_template(db).id, contact_id=contact.id, idempotency_key="k"
    )

    deliver_queued(db)

    [log] = service.list_sends(db, actor=SYSTEM)
    assert log.id == outcome.send_id and log.status == "failed"
    assert log.reason is not None and "550" in log.reason
    suppression = db.scalar(select(EmailSuppression))
    assert suppression is not None
    assert (suppression.email, suppression.reason, suppression.source) == (
        "nobody@example.org",
        "bounce",
        "smtp",
    )
    assert smtp_server.inbox.messages == []


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    monkeypatch.setenv("HUDDLE_DATABASE_URL", url)
    get_settings.cache_clear()
    yield engine
    get_settings.cache_clear()
    engine.dispose()


def test_huddle_mailing_bounce_reads_a_dsn_from_standard_input(cli_db: Engine) -> None:
    from huddle.cli import app as cli

    result = CliRunner().invoke(cli, ["mailing", "bounce"], input=dsn("Gone@Example.org"))
    not_a_report = CliRunner().invoke(cli, ["mailing", "bounce"], input=b"Subject: hi\r\n\r\nx")

    assert result.exit_code == 0, result.output
    assert "gone@example.org: suppressed (bounce)" in result.output
    assert not_a_report.exit_code == 0 and "no bounce" in not_a_report.output
    with Session(cli_db) as session:
        assert session.scalars(select(EmailSuppression.email)).all() == ["gone@example.org"]

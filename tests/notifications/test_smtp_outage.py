"""Email when the SMTP server is away: delivery pauses (one warning, then quiet), the outbox
keeps every message (no attempt spent), admins see a banner on every page, and delivery
resumes by itself once the server answers: each waiting message goes out exactly once.

A real SMTP server (aiosmtpd on loopback) is stopped and started again; the jobs run
through the real worker on a database of the test's own, on a clock the test moves.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from huddle.auth.models import User
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import session_factory, unit_of_work
from huddle.core.jobs import Job, enqueue
from huddle.notifications import repository, service
from huddle.notifications.models import EmailDelivery, OutboundEmail
from huddle.worker import Worker
from tests.conftest import make_user, sign_in
from tests.notifications.conftest import ALERT, SmtpServer, run_jobs


def _notify(factory: sessionmaker[Session], recipients: list[str]) -> None:
    with unit_of_work(factory) as session:
        for email in recipients:
            user = make_user(session, email=email, role="sales_rep", team="sales")
            service.notify(
                session, user_id=user.id, kind="sla.warning", subject=email, body="b", data=ALERT
            )


def _later(test_clock: clock.ShiftedClock, seconds: float) -> None:
    test_clock.set(clock.now() + timedelta(seconds=seconds))


def test_mail_queued_while_the_server_is_down_goes_out_once_when_it_is_back(
    own_engine: Engine,
    smtp_server: SmtpServer,
    test_clock: clock.ShiftedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    factory = session_factory(own_engine)
    worker = Worker(factory)
    smtp_server.stop()
    recipients = [f"rep{n}@acme.example" for n in range(4)]

    with caplog.at_level(logging.DEBUG, logger="huddle"):
        _notify(factory, recipients[:3])
        worker.run_pending()
        _notify(factory, recipients[3:])  # while paused
        worker.run_pending()
        for wait in (31, 61):  # the checks back off: 30 s, then 60 s
            _later(test_clock, wait)
            assert worker.run_pending() == 1  # one check, the server still away
        paused_log = [r for r in caplog.records if r.levelno >= logging.WARNING]

        with unit_of_work(factory) as session:
            state = session.get(EmailDelivery, repository.DELIVERY_ROW)
            assert state is not None and state.paused_since is not None
            assert (state.checks, state.smtp_address) == (2, f"127.0.0.1:{smtp_server.port}")
            outbox = list(session.scalars(select(OutboundEmail)))
            assert [e.status for e in outbox] == ["queued"] * 4
            send_jobs = list(session.scalars(select(Job).where(Job.kind == service.SEND_EMAIL_JOB)))
            # Done without sending, not failed: no attempt spent towards giving up.
            assert {(j.status, j.attempts, j.last_error) for j in send_jobs} == {("done", 1, None)}
            # A send job still waiting (as a retry would) must not send a second copy.
            enqueue(session, service.SEND_EMAIL_JOB, {"email_id": outbox[0].id})

        smtp_server.start()
        _later(test_clock, 121)
        worker.run_pending()
        _later(test_clock, 600)
        worker.run_pending()

    assert smtp_server.inbox.messages, "nothing was delivered after the server came back"
    delivered = Counter(recipient for _, (recipient,), _ in smtp_server.inbox.messages)
    assert delivered == Counter(recipients)  # every one, exactly once
    with unit_of_work(factory) as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(OutboundEmail)
                .where(OutboundEmail.status == "sent")
            )
            == 4
        )
        state = session.get(EmailDelivery, repository.DELIVERY_ROW)
        assert state is not None and state.paused_since is None
    # One clear line when delivery paused, none while it stayed down; no traceback at all.
    assert [r.getMessage()[:22] for r in paused_log] == ["Email delivery paused:"]
    assert not any(r.exc_info for r in caplog.records)


def test_a_message_the_server_refuses_is_retried_as_before(
    db: Session, smtp_server: SmtpServer
) -> None:
    class Refusing:
        async def handle_RCPT(self, *args: object) -> str:
            return "550 no such mailbox"

    smtp_server.stop()
    smtp_server.inbox = Refusing()  # type: ignore[assignment]
    smtp_server.start()
    rep = make_user(db, role="sales_rep", team="sales")
    service.notify(db, user_id=rep.id, kind="sla.warning", subject="s", body="b", data=ALERT)

    with pytest.raises(Exception, match="no such mailbox"):
        run_jobs(db, service.SEND_EMAIL_JOB)
    [outgoing] = db.scalars(select(OutboundEmail).where(OutboundEmail.to_address == rep.email))
    assert outgoing.status == "queued"
    assert service.delivery_pause(db, actor=SYSTEM) is None  # the server is there


def _pause_delivery(db: Session, smtp_server: SmtpServer, recipients: int) -> None:
    smtp_server.stop()
    for _ in range(recipients):
        rep = make_user(db, role="sales_rep", team="sales")
        service.notify(db, user_id=rep.id, kind="sla.warning", subject="s", body="b", data=ALERT)
    run_jobs(db, service.SEND_EMAIL_JOB)
    db.commit()


def test_admins_see_the_pause_on_every_page_and_sales_reps_do_not(
    db: Session, client: TestClient, admin: User, smtp_server: SmtpServer
) -> None:
    _pause_delivery(db, smtp_server, recipients=3)
    state = db.get(EmailDelivery, repository.DELIVERY_ROW)
    assert state is not None and state.paused_since is not None
    since = state.paused_since.strftime("%H:%M")  # the admin's time zone is UTC

    for path in ("/", "/contacts", "/notifications"):
        page = client.get(path)
        assert page.status_code == 200
        assert (
            f"Email delivery is paused: cannot reach SMTP 127.0.0.1:{smtp_server.port} since"
            in page.text
        ), path
        assert f">{since}</time> — 3 messages waiting" in page.text

    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    sign_in(client, rep)
    page = client.get("/")
    assert page.status_code == 200 and "Email delivery is paused" not in page.text

"""Forgot password: the whole story through a real SMTP server (aiosmtpd on loopback), the
link read from the delivered email and followed (review finding: there was no reset)."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from email import message_from_bytes
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth import resets
from huddle.auth.events import PasswordResetEmailReady
from huddle.auth.models import PasswordReset, User
from huddle.auth.signin import ACCOUNT_FAILURES
from huddle.core.clock import FrozenClock
from huddle.core.jobs import Job
from huddle.core.settings import get_settings
from huddle.notifications.models import OutboundEmail
from huddle.notifications.service import SEND_EMAIL_JOB
from tests.conftest import TEST_PASSWORD, csrf_of, make_user, sign_in
from tests.contacts.recording import recorded_events
from tests.mail import Inbox
from tests.notifications.conftest import run_jobs

NEW_PASSWORD = "a new password after forgetting"
LINK = re.compile(r"https?://\S+/password/reset/\S+")


def _browser(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, base_url="http://testserver")


def _ask(client: TestClient, email: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/password/forgot",
        data={"email": email, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )


def _deliver(db: Session) -> None:
    """What the worker does next: the reset job, then the email's SMTP job."""
    run_jobs(db, resets.SEND_LINK_JOB)
    run_jobs(db, SEND_EMAIL_JOB)


def _mail_to(inbox: Inbox, to: str) -> str:
    """The text of the newest email delivered to ``to``."""
    [raw] = [raw for _, recipients, raw in inbox.messages if recipients == [to]][-1:]
    return message_from_bytes(raw).get_payload(decode=True).decode()  # type: ignore[union-attr,no-any-return]


def _emailed_link(client: TestClient, db: Session, inbox: Inbox, to: str) -> str:
    """Ask for a reset link for ``to``, let the worker send it, and read it from the mail."""
    _ask(client, to)
    _deliver(db)
    return _link_in_mail(inbox, to)


def _link_in_mail(inbox: Inbox, to: str) -> str:
    """The reset link's path, from the newest email delivered to ``to``."""
    body = _mail_to(inbox, to)
    found = LINK.search(body)
    assert found, body
    return urlsplit(found.group(0)).path


def _set_password(client: TestClient, path: str, password: str = NEW_PASSWORD):  # type: ignore[no-untyped-def]
    client.get(path)  # the page sets the browser's CSRF token, as opening the link does
    return client.post(
        path,
        data={"new_password": password, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )


def _login(client: TestClient, email: str, password: str) -> int:
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    return response.status_code


@pytest.fixture
def rep(db: Session) -> User:
    user = make_user(db, role="sales_rep", team="sales", email="rita.rep@acme.example")
    db.commit()
    return user


def test_forgot_password_from_the_email_to_signing_in_again(
    app,
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    laptop = sign_in(_browser(app), rep)
    issued = laptop.post("/api/v1/tokens", json={"name": "sync", "scopes": ["read"]}).json()
    script = _browser(app)
    script.headers["Authorization"] = f"Bearer {issued['token']}"

    assert 'href="/password/forgot"' in anon_client.get("/login").text
    asked = _ask(anon_client, "  Rita.Rep@ACME.example ")
    assert (asked.status_code, asked.headers["location"]) == (303, "/password/forgot/sent")
    assert "Check your email" in anon_client.get("/password/forgot/sent").text
    assert smtp.messages == []  # the worker sends it, never the request

    _deliver(db)
    [(_, recipients, raw)] = smtp.messages
    assert recipients == ["rita.rep@acme.example"]
    assert message_from_bytes(raw)["Subject"] == "Reset your Huddle password"
    # The link names HUDDLE_PUBLIC_URL, not the host the request was addressed to.
    text = _mail_to(smtp, rep.email)
    assert f"{get_settings().public_url}/password/reset/" in text
    assert "testserver" not in text
    path = _link_in_mail(smtp, rep.email)

    form = anon_client.get(path)
    assert form.status_code == 200
    assert rep.email in form.text
    assert "revokes all your API tokens" in form.text
    assert form.headers["referrer-policy"] == "no-referrer"
    assert form.headers["cache-control"] == "no-store"

    done = _set_password(anon_client, path)
    assert (done.status_code, done.headers["location"]) == (303, "/login")
    assert "Your new password is set" in anon_client.get("/login").text

    assert laptop.get("/api/v1/me").status_code == 401
    assert script.get("/api/v1/me").status_code == 401
    assert _login(_browser(app), rep.email, TEST_PASSWORD) == 401
    assert _login(_browser(app), rep.email, NEW_PASSWORD) == 303

    # Kept: the sha256 of the link's secret only; the sent email's body is blanked.
    secret = path.rsplit("/", 1)[1]
    [reset] = db.scalars(select(PasswordReset).where(PasswordReset.user_id == rep.id))
    assert secret not in str(vars(reset).values())
    assert (reset.ended_reason, reset.token_hash is not None) == ("used", True)
    [outgoing] = db.scalars(select(OutboundEmail).where(OutboundEmail.body_secret.is_(True)))
    assert outgoing.status == "sent" and "/password/reset/" not in outgoing.body

    actions = db.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.subject_type == "user", AuditEntry.subject_id == str(rep.id))
        .order_by(AuditEntry.id)
    ).all()
    assert actions[-2:] == ["user.password_reset_sent", "user.password_changed"]
    changed = db.scalars(
        select(AuditEntry).where(AuditEntry.action == "user.password_changed")
    ).one()
    assert changed.changes["how"] == "reset"
    assert (changed.changes["sessions_ended"], changed.changes["tokens_revoked"]) == (1, 1)


def test_a_link_works_once(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    path = _emailed_link(anon_client, db, smtp, rep.email)
    assert _set_password(anon_client, path).status_code == 303

    again = anon_client.get(path)
    assert again.status_code == 404
    assert "This link no longer works" in again.text
    reused = _set_password(anon_client, path, "yet another long password")
    assert reused.status_code == 404
    assert _login(anon_client, rep.email, NEW_PASSWORD) == 303


def test_a_link_expires_after_thirty_minutes(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    path = _emailed_link(anon_client, db, smtp, rep.email)
    frozen_clock.advance(resets.LINK_LIFETIME - timedelta(seconds=1))
    assert anon_client.get(path).status_code == 200
    frozen_clock.advance(timedelta(seconds=1))
    assert anon_client.get(path).status_code == 404
    assert _set_password(anon_client, path).status_code == 404
    assert _login(anon_client, rep.email, TEST_PASSWORD) == 303


def test_a_link_the_worker_gets_to_after_it_expired_is_not_sent(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    _ask(anon_client, rep.email)
    frozen_clock.advance(resets.LINK_LIFETIME)
    _deliver(db)
    assert smtp.messages == []


def test_a_newer_link_ends_the_older_one(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    older = _emailed_link(anon_client, db, smtp, rep.email)
    newer = _emailed_link(anon_client, db, smtp, rep.email)
    assert newer != older
    assert anon_client.get(older).status_code == 404
    assert anon_client.get(newer).status_code == 200


def test_changing_the_password_ends_an_open_link(
    app,
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    path = _emailed_link(anon_client, db, smtp, rep.email)
    changed = sign_in(_browser(app), rep).post(
        "/api/v1/me/password",
        json={"current_password": TEST_PASSWORD, "new_password": "changed the usual way"},
    )
    assert changed.status_code == 204
    assert anon_client.get(path).status_code == 404


def test_known_and_unknown_addresses_get_the_same_answer_and_the_same_work(
    app,
    db: Session,
    smtp: Inbox,
    rep: User,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    """The pages are compared whole (the clock is stopped: they carry the server's time)."""

    def ask(email: str) -> tuple[int, str, str, int, int]:
        browser = _browser(app)
        asked = _ask(browser, email)
        sent_page = browser.get(asked.headers["location"]).text
        page_text = sent_page.replace(csrf_of(browser), "CSRF")
        rows = db.scalar(
            select(func.count()).select_from(PasswordReset).where(PasswordReset.email == email)
        )
        jobs = db.scalar(
            select(func.count()).select_from(Job).where(Job.kind == resets.SEND_LINK_JOB)
        )
        return asked.status_code, asked.headers["location"], page_text, rows or 0, jobs or 0

    known = ask(rep.email)
    unknown = ask("nobody.here@acme.example")
    assert known[:4] == unknown[:4]
    assert (known[3], unknown[4] - known[4]) == (1, 1)  # one request row, one job each

    _deliver(db)
    assert [recipients for _, recipients, _ in smtp.messages] == [[rep.email]]


def test_a_deactivated_user_cannot_reset(
    client: TestClient,
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    open_link = _emailed_link(anon_client, db, smtp, rep.email)
    assert client.post(f"/api/v1/users/{rep.id}/deactivate").status_code == 200
    # The link sent before deactivation stops working, and stays dead after reactivation.
    assert anon_client.get(open_link).status_code == 404
    asked = _ask(anon_client, rep.email)
    assert asked.headers["location"] == "/password/forgot/sent"
    _deliver(db)
    assert len(smtp.messages) == 1
    assert client.patch(f"/api/v1/users/{rep.id}", json={"is_active": True}).status_code == 200
    assert anon_client.get(open_link).status_code == 404


def test_requests_are_limited_per_email_the_same_for_unknown_ones(
    anon_client: TestClient,
    db: Session,
    rep: User,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    for email in (rep.email, "nobody.here@acme.example"):
        for _ in range(resets.PER_EMAIL):
            assert _ask(anon_client, email).status_code == 303
        refused = _ask(anon_client, email)
        assert refused.status_code == 429
        assert "Too many password reset requests. Try again after 10:00 UTC" in refused.text
        assert int(refused.headers["Retry-After"]) == resets.RATE_WINDOW.total_seconds()
    frozen_clock.advance(resets.RATE_WINDOW)
    assert _ask(anon_client, rep.email).status_code == 303


def test_requests_are_limited_per_address(
    app,
    db: Session,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    prober = _browser(app)
    for n in range(resets.PER_ADDRESS):
        assert _ask(prober, f"guess-{n}@acme.example").status_code == 303
    assert _ask(prober, "guess-last@acme.example").status_code == 429
    elsewhere = TestClient(app, base_url="http://testserver", client=("198.51.100.4", 5000))
    assert _ask(elsewhere, "guess-last@acme.example").status_code == 303


def test_what_is_not_an_email_is_refused_naming_the_field(
    anon_client: TestClient, db: Session
) -> None:
    refused = _ask(anon_client, "not an address")
    assert refused.status_code == 422
    assert "enter the email address you sign in with" in refused.text
    assert db.scalar(select(func.count()).select_from(PasswordReset)) == 0


def test_a_weak_new_password_is_refused_and_the_link_still_works(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    path = _emailed_link(anon_client, db, smtp, rep.email)
    weak = _set_password(anon_client, path, "short")
    assert weak.status_code == 422
    assert "use at least 10 characters" in weak.text
    assert _set_password(anon_client, path).status_code == 303


def test_a_made_up_or_altered_link_does_not_work(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,  # type: ignore[no-untyped-def]
) -> None:
    path = _emailed_link(anon_client, db, smtp, rep.email)
    assert anon_client.get("/password/reset/made-up").status_code == 404
    assert (
        anon_client.get(path[:-2] + ("aa" if not path.endswith("aa") else "bb")).status_code == 404
    )
    assert anon_client.get(path).status_code == 200


def test_a_reset_lifts_the_lock_that_guessing_put_on_the_account(
    anon_client: TestClient,
    db: Session,
    smtp: Inbox,
    rep: User,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    for _ in range(ACCOUNT_FAILURES):
        _login(anon_client, rep.email, "someone guessing")
    assert _login(anon_client, rep.email, TEST_PASSWORD) == 429
    _ask(anon_client, rep.email)
    _deliver(db)
    assert _set_password(anon_client, _link_in_mail(smtp, rep.email)).status_code == 303
    assert _login(anon_client, rep.email, NEW_PASSWORD) == 303


def test_the_link_reaches_the_outbox_through_an_event_that_never_shows_it(
    anon_client: TestClient,
    db: Session,
    rep: User,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    """Auth publishes the email and notifications queues it (auth knows nothing of
    notifications): the link is in the queued email only, not in the event's repr, the
    audit trail or the logs."""
    _ask(anon_client, rep.email)
    with recorded_events() as events, caplog.at_level(logging.DEBUG):
        run_jobs(db, resets.SEND_LINK_JOB)
    [ready] = [e for e in events if isinstance(e, PasswordResetEmailReady)]
    [queued] = db.scalars(select(OutboundEmail).where(OutboundEmail.to_address == rep.email))
    link = LINK.search(queued.body)
    assert link is not None and queued.body_secret
    assert (ready.to_address, ready.user_id, ready.body) == (rep.email, rep.id, queued.body)
    secret = link.group(0).rsplit("/", 1)[1]
    assert secret not in repr(ready)
    assert secret not in caplog.text
    audited = db.scalars(select(AuditEntry)).all()
    assert audited and not any(secret in str(entry.changes) for entry in audited)

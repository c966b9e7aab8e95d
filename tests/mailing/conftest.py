"""Marketing email on loopback: the real SMTP server (tests/mail.py) Huddle sends to, one
secret key for the app and the delivery job (so links they sign agree), and the delivery
jobs run through their registered handler."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from huddle.core.settings import get_settings
from huddle.mailing.service import DELIVER_ALL_JOB, DELIVER_JOB
from tests.jobs import run_due_jobs
from tests.mail import Inbox, SmtpServer, smtp, smtp_server

__all__ = ["Inbox", "SmtpServer", "smtp", "smtp_server"]

SECRET_KEY = "mailing-tests-secret-key-0123456789-abcdefghij"
PUBLIC_URL = "http://testserver"


@pytest.fixture(autouse=True)
def one_secret_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HUDDLE_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("HUDDLE_PUBLIC_URL", PUBLIC_URL)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def deliver_queued(db: Session) -> int:
    """What the worker does after the commit: every queued message's delivery job, and the
    jobs delivering a workflow batch's messages together."""
    ran = run_due_jobs(db, DELIVER_JOB) + run_due_jobs(db, DELIVER_ALL_JOB)
    db.expire_all()
    return ran

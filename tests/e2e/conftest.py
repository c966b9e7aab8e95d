"""A real server and a real browser: uvicorn on a loopback port over a migrated SQLite file,
driven by Debian's Chromium through Playwright.

The server runs in a background thread of the test process, so tests seed it through the same
services (inside ``unit_of_work``) and the data is committed, as the server needs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from huddle.app import create_app
from huddle.contacts.models import Contact
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.scoring.models import QualificationCriteria, ScoringVersion
from huddle.worker import Worker
from tests.e2e.seed import Seeded, seed

# The real SMTP server on loopback (aiosmtpd), for stories that read an email.
from tests.live import serve
from tests.mail import Inbox, smtp, smtp_server  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path("/tmp/huddle-shots")
PASSWORD = "e2e correct horse battery"


# Runs before any page script; names the directive, where it happened and the element.
REPORT_CSP = """
document.addEventListener('securitypolicyviolation', e => window.reportCsp([
  e.violatedDirective, e.blockedURI || 'inline', e.sourceFile + ':' + e.columnNumber,
  document.location.pathname, e.target && e.target.outerHTML
    ? e.target.outerHTML.slice(0, 160) : '',
].join(' ')));
"""


@dataclass(frozen=True)
class LiveServer:
    url: str
    settings: Settings
    factory: sessionmaker[Session]
    email: str
    password: str
    seeded: Seeded


# Package scope: the server's worker stops once the browser tests end, so it cannot go on
# delivering their queued emails to another test's SMTP server.
@pytest.fixture(scope="package")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("e2e")
    settings = Settings(
        env="test", data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'huddle.db'}"
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    factory = session_factory(engine)
    # The app first: it registers the event subscribers the seeding relies on.
    app = create_app(settings, factory=factory)
    # The app's own strict Content-Security-Policy is served (web.middleware): a violation
    # (inline script, inline style, foreign origin) shows as a console error and fails.
    with unit_of_work(factory) as session:
        seeded = seed(session, admin_email="rita.revops@huddle.example", password=PASSWORD)

    # As `huddle serve` does: a worker in the same process runs queued jobs (imports).
    worker = Worker(factory, idle_seconds=0.2)
    worker.start_in_thread()
    try:
        with serve(app, name="huddle-e2e") as url:
            yield LiveServer(url, settings, factory, seeded.admin_email, PASSWORD, seeded)
    finally:
        worker.stop()
        engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is required in CI for the browser tests")
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt install chromium)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def watched_tab(browser, base_url: str, problems: list[str]):  # type: ignore[no-untyped-def]
    """A tab in a context of its own that appends every CSP violation (inline script or
    style, a foreign origin), every script crash and every console error to ``problems``."""
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1440, "height": 900}, locale="en-GB"
    )
    context.expose_binding("reportCsp", lambda _source, text: problems.append(f"csp: {text}"))
    context.add_init_script(REPORT_CSP)
    tab = context.new_page()
    tab.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    tab.on("console", lambda message: report_console_error(message, problems))
    return tab


def report_console_error(message, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A console error fails the test (htmx reports a refused eval or a bad swap there).
    A page the test meant to be refused (a 403 or 404 it asserts) logs its failed load as
    an error too: that is the browser reporting the status, not a defect of the page."""
    if message.type != "error":
        return
    if message.text.startswith("Failed to load resource: the server responded with a status"):
        return
    problems.append(f"console: {message.text}")


@pytest.fixture
def page(browser, live_server: LiveServer):  # type: ignore[no-untyped-def]
    problems: list[str] = []
    # A CSP violation or a script crash fails the test that caused it.
    tab = watched_tab(browser, live_server.url, problems)
    context = tab.context
    yield tab
    context.close()
    assert not problems, problems


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    """A full-page screenshot in /tmp/huddle-shots for a person to look at."""
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    page.get_by_label("Work email").fill(server.email)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")


def forget_mql_criteria(server: LiveServer) -> None:
    """Other browser tests share this server and number their MQL criteria from v1."""
    with unit_of_work(server.factory) as session:
        session.execute(delete(QualificationCriteria).where(QualificationCriteria.stage == "mql"))
        session.execute(delete(ScoringVersion).where(ScoringVersion.entity == "criteria"))


def email_subjects_to(inbox: Inbox, to: str, *, wanted: str) -> list[str]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        subjects = [
            str(message_from_bytes(raw)["Subject"])
            for _, recipients, raw in inbox.messages
            if recipients == [to]
        ]
        if any(wanted in subject for subject in subjects):
            return subjects
        time.sleep(0.1)
    raise AssertionError(f"no email with {wanted!r} reached {to}")


def forget_contacts(server: LiveServer, condition: Any) -> None:
    """Delete a story's own contacts (their history and funnel journeys go with them) from
    the shared server, whose other stories count its records."""
    with unit_of_work(server.factory) as session:
        session.execute(delete(Contact).where(condition))

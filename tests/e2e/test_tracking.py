"""A visitor on the customer's own website (a second origin), tracked by the snippet:
two page views, a form, and the contact in Huddle with the whole story on its timeline."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.tracking import service
from huddle.tracking.schemas import FormCreate, SiteCreate
from tests.e2e.conftest import LiveServer, shot, sign_in
from tests.mail import free_port

pytestmark = pytest.mark.browser

EMAIL = "roadie@acme-rockets.example"

HOME = """<!doctype html><html><head><meta charset="utf-8"><title>Acme Rockets</title>
<script src="{huddle}/t.js" data-site="{key}" defer></script></head>
<body><h1>Acme Rockets</h1><a href="/contact.html?utm_source=e2e">Talk to sales</a></body></html>"""

CONTACT = """<!doctype html><html><head><meta charset="utf-8"><title>Talk to sales</title>
<script src="{huddle}/t.js" data-site="{key}" defer></script></head>
<body><h1>Talk to sales</h1>
<form method="post" action="{huddle}/f/{form}">
  <label>Work email <input name="email" type="email" required></label>
  <label>First name <input name="first_name"></label>
  <label><input type="checkbox" name="consent"> Send me news</label>
  <input name="website" class="hp" tabindex="-1" autocomplete="off" hidden>
  <button type="submit">Send</button>
</form></body></html>"""


@dataclass(frozen=True)
class Website:
    url: str
    form_key: str


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture(scope="module")
def website(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Website]:
    """The customer's website: static pages with the snippet, on another loopback port."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with unit_of_work(live_server.factory) as session:
        site = service.create_site(
            session,
            SiteCreate(
                name="Acme Rockets", allowed_origins=[url], allowed_redirects=[f"{url}/thanks.html"]
            ),
            actor=SYSTEM,
        )
        form = service.create_form(
            session,
            FormCreate(
                site_id=site.id,
                name="Talk to sales",
                fields=[
                    {"name": "email", "label": "Work email", "type": "email", "required": True},
                    {"name": "first_name", "label": "First name"},
                    {"name": "consent", "label": "Send me news", "type": "checkbox"},
                ],
                consent_field="consent",
                thank_you_url=f"{url}/thanks.html",
                min_fill_seconds=1,
            ),
            actor=SYSTEM,
        )
        key, form_key = site.site_key, form.form_key
    root: Path = tmp_path_factory.mktemp("website")
    fill = {"huddle": live_server.url, "key": key, "form": form_key}
    (root / "index.html").write_text(HOME.format(**fill))
    (root / "contact.html").write_text(CONTACT.format(**fill))
    (root / "thanks.html").write_text("<!doctype html><title>Thanks</title><h1>Thank you</h1>")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Website(url, form_key)
    finally:
        server.shutdown()
        thread.join(timeout=5)


def test_a_visitor_becomes_a_contact_with_their_page_views(
    page: Page, live_server: LiveServer, website: Website
) -> None:
    with page.expect_response(re.compile(r"/t/collect$")) as first:
        page.goto(f"{website.url}/index.html")
    assert first.value.status == 204
    with page.expect_response(re.compile(r"/t/collect$")) as second:
        page.get_by_role("link", name="Talk to sales").click()
    assert second.value.status == 204
    page.get_by_label("Work email").fill(EMAIL)
    page.get_by_label("First name").fill("Road")
    page.get_by_label("Send me news").check()
    page.wait_for_timeout(1100)  # the form's minimum fill time
    page.get_by_role("button", name="Send").click()
    expect(page).to_have_url(f"{website.url}/thanks.html")

    with unit_of_work(live_server.factory) as session:
        contact = session.scalars(select(Contact).where(Contact.email == EMAIL)).one()
        contact_id, opted_in = contact.id, contact.email_opt_in
    assert opted_in == "opted_in"

    sign_in(page, live_server)
    page.goto(f"/contacts/{contact_id}")
    expect(page.get_by_role("heading", name=re.compile("Road"))).to_be_visible()
    touches = page.locator('#timeline [data-kind="touch"]')
    expect(touches).to_have_count(3)
    expect(touches.nth(0)).to_contain_text("Form submitted")
    expect(touches.filter(has_text="Page view")).to_have_count(2)
    expect(touches.nth(1)).to_contain_text("Talk to sales")
    expect(touches.nth(1)).to_contain_text("e2e")
    expect(touches.nth(2)).to_contain_text("Acme Rockets")
    shot(page, "20-tracked-contact")

    page.get_by_role("link", name="Tracking").click()
    expect(page.get_by_role("heading", name="Acme Rockets")).to_be_visible()
    expect(page.get_by_label(re.compile("^Snippet"))).to_have_value(
        re.compile(r'data-site="site_[^"]+".*/t\.js|/t\.js.*data-site="site_')
    )
    shot(page, "21-tracking-settings")


def test_a_stranger_cannot_rewrite_a_known_contact_and_the_owner_decides(
    page: Page, live_server: LiveServer, website: Website
) -> None:
    known = "wile.known@acme-rockets.example"
    with unit_of_work(live_server.factory) as session:
        contact, _ = contacts.upsert_contact(
            session, ContactCreate(email=known, first_name="Wile"), actor=SYSTEM
        )
        contact_id = contact.id

    # Someone else's browser: two page views and the form with Wile's email.
    with page.expect_response(re.compile(r"/t/collect$")):
        page.goto(f"{website.url}/index.html")
    with page.expect_response(re.compile(r"/t/collect$")):
        page.get_by_role("link", name="Talk to sales").click()
    page.get_by_label("Work email").fill(known)
    page.get_by_label("First name").fill("Mallory")
    page.wait_for_timeout(1100)  # the form's minimum fill time
    page.get_by_role("button", name="Send").click()
    expect(page).to_have_url(f"{website.url}/thanks.html")

    sign_in(page, live_server)
    page.goto(f"/contacts/{contact_id}")
    expect(page.get_by_role("heading", name=re.compile("Wile"))).to_be_visible()
    touches = page.locator('#timeline [data-kind="touch"]')
    expect(touches).to_have_count(1)  # the submission, none of the stranger's browsing
    expect(touches.first).to_contain_text("Submitted: First name “Mallory”")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "23-form-values-kept-aside-390")
    page.set_viewport_size({"width": 1400, "height": 900})
    shot(page, "23-form-values-kept-aside")

    touches.first.get_by_role("button", name="Apply these values").click()
    expect(page.get_by_role("heading", name=re.compile("Mallory"))).to_be_visible()
    expect(touches.first).to_contain_text("Submitted values applied by")
    expect(page.get_by_role("button", name="Apply these values")).to_have_count(0)

"""Compliance work in a real browser, under the app's own strict security headers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.privacy import service as privacy
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser


def test_pages_are_served_with_the_strict_headers(page: Page, live_server: LiveServer) -> None:
    response = page.goto("/login")
    assert response is not None
    headers = response.headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_export_erase_and_read_the_audit_trail(page: Page, live_server: LiveServer) -> None:
    with unit_of_work(live_server.factory) as session:
        contact, _ = contacts.upsert_contact(
            session,
            ContactCreate(
                email="otto.erasable@umbrella.example", first_name="Otto", last_name="Erasable"
            ),
            actor=Actor.system(),
        )
        contact_id = contact.id
    sign_in(page, live_server)

    page.goto(f"/contacts/{contact_id}")
    expect(page.get_by_role("link", name="Export personal data")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Export personal data").click()
    assert download.value.suggested_filename == f"contact-{contact_id}-personal-data.json"

    page.get_by_text("Erase…").click()
    page.get_by_label("I understand this cannot be undone").check()
    shot(page, "29-erase-confirm")
    page.get_by_role("button", name="Erase personal data").click()
    expect(page.get_by_text("Personal data erased.")).to_be_visible()
    expect(page.get_by_text("otto.erasable@umbrella.example")).to_have_count(0)
    expect(page.get_by_role("heading", name=f"Erased contact #{contact_id}")).to_be_visible()
    shot(page, "30-erased")

    page.get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("heading", name="Audit trail")).to_be_visible()
    expect(page.get_by_text(f"Personal data of contact #{contact_id} erased")).to_be_visible()
    page.get_by_label("Action").select_option("contact.personal_data_exported")
    expect(page.get_by_text(f"Personal data of contact #{contact_id} exported")).to_be_visible()
    shot(page, "31-audit-trail")
    page.get_by_label("Action").select_option("token.revoked")
    expect(page.get_by_text("No entries match these filters")).to_be_visible()
    shot(page, "32-audit-empty")


def test_a_visitor_unsubscribes_with_one_click(page: Page, live_server: LiveServer) -> None:
    with unit_of_work(live_server.factory) as session:
        contact, _ = contacts.upsert_contact(
            session, ContactCreate(email="newsreader@globex.example"), actor=Actor.system()
        )
        contact_id = contact.id
    token = privacy.unsubscribe_token(contact_id, secret=live_server.settings.secret_key)

    page.goto(f"/unsubscribe/{token}")
    shot(page, "33-unsubscribe")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="unsubscribed")).to_be_visible()
    with unit_of_work(live_server.factory) as session:
        assert not contacts.can_email(contacts.get_contact(session, contact_id))

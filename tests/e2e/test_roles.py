"""What each role sees: a sales rep and a marketer sign in and get different tools."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, shot
from tests.e2e.seed import MARKETER_EMAIL, REP_EMAIL

pytestmark = pytest.mark.browser


def _sign_in_as(page: Page, server: LiveServer, email: str) -> None:
    page.goto("/login")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")


def test_a_marketer_sees_imports_and_export(page: Page, live_server: LiveServer) -> None:
    _sign_in_as(page, live_server, MARKETER_EMAIL)
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("Mia Marketing")
    expect(sidebar).to_contain_text("Marketing · Marketing")
    expect(sidebar.get_by_role("link", name="Imports")).to_be_visible()
    expect(sidebar.get_by_role("link", name="Settings")).to_have_count(0)

    page.get_by_role("link", name="Contacts", exact=True).click()
    expect(page.get_by_role("link", name="Export CSV")).to_be_visible()
    expect(page.get_by_role("link", name="Import", exact=True)).to_be_visible()
    shot(page, "roles-marketer-contacts")

    page.goto("/imports")
    expect(page.get_by_role("heading", name="Imports", exact=True)).to_be_visible()


def test_a_sales_rep_does_not_and_is_refused_if_they_try(
    page: Page, live_server: LiveServer
) -> None:
    _sign_in_as(page, live_server, REP_EMAIL)
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_contain_text("Sam Sales")
    expect(sidebar).to_contain_text("Sales rep · Sales")
    expect(sidebar.get_by_role("link", name="Imports")).to_have_count(0)
    expect(sidebar.get_by_role("link", name="Settings")).to_have_count(0)

    page.get_by_role("link", name="Contacts", exact=True).click()
    expect(page.locator("#results tbody tr").first).to_be_visible()
    expect(page.get_by_role("link", name="Export CSV")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Import"))).to_have_count(0)
    shot(page, "roles-rep-contacts")

    # The server refuses what the page hides.
    response = page.goto("/imports")
    assert response is not None and response.status == 403
    expect(page.locator("body")).to_contain_text("may not contact.import")
    shot(page, "roles-rep-403")
    response = page.goto("/settings/users")
    assert response is not None and response.status == 403


def test_an_admin_manages_users_and_a_rep_creates_a_token(
    page: Page, live_server: LiveServer
) -> None:
    _sign_in_as(page, live_server, live_server.email)
    page.locator(".sidebar").get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Users", exact=True)).to_be_visible()
    expect(page.locator("table.data")).to_contain_text("Sam Sales")
    shot(page, "roles-admin-users")
    page.get_by_role("link", name="Sam Sales").click()
    page.get_by_label("Capacity (open leads)").fill("75")
    page.get_by_label("Time zone").fill("America/Chicago")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("table.data")).to_contain_text("America/Chicago")

    page.locator(".sidebar").get_by_role("link", name="Rita Revops").click()
    page.get_by_label("Name").fill("Nightly sync")
    page.get_by_role("button", name="Create token").click()
    token = page.locator("#new-token")
    expect(token).to_have_value(re.compile(r"^hud_"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy = page.get_by_role("button", name="Copy the token")
    copy.click()
    expect(copy).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == token.input_value()
    shot(page, "roles-account-token")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke").click()
    expect(page.locator("table.data")).to_contain_text("Revoked")

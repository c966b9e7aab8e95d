"""The API reference works offline under the strict CSP, offers to authorise with a
token (the document's Bearer scheme), and "Try it out" acts as the signed-in user."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, sign_in

pytestmark = pytest.mark.browser


def test_the_api_reference_lists_the_operations_and_runs_one(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server)
    page.goto("/api/docs")
    # Swagger UI's element id for the operation contacts.list (it escapes the dot itself).
    listing = page.locator('xpath=//*[@id="operations-contacts-contacts\\.list"]')
    expect(listing).to_be_visible(timeout=15_000)
    expect(page.get_by_role("button", name="Authorize").first).to_be_visible()

    listing.locator(".opblock-summary").click()
    listing.get_by_role("button", name="Try it out").click()
    listing.get_by_role("button", name="Execute").click()
    status = listing.locator(".live-responses-table .response .response-col_status")
    expect(status).to_have_text("200", timeout=15_000)

    # Swagger UI renders the tag sections near the window: the last one, at the end of the
    # page, shows the whole document was read.
    page.keyboard.press("End")
    expect(page.locator("#operations-tag-home")).to_be_visible()

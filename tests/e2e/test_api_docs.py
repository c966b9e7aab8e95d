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
    # The operation's block, found by what a reader sees: its method, path and summary.
    summary = page.get_by_role("button", name="GET /api/v1/contacts List Contacts", exact=True)
    listing = page.locator(".opblock").filter(has=summary)
    expect(listing).to_be_visible(timeout=15_000)
    expect(page.get_by_role("button", name="Authorize").first).to_be_visible()

    listing.locator(".opblock-summary").click()
    listing.get_by_role("button", name="Try it out").click()
    listing.get_by_role("button", name="Execute").click()
    status = listing.locator(".live-responses-table .response .response-col_status")
    expect(status).to_have_text("200", timeout=15_000)

    # The document's last part, the webhooks, shown at the end of the page: the whole
    # document was read (Swagger UI escapes the dots of the id itself).
    page.keyboard.press("End")
    last = _last_webhook(page).replace(".", "\\.")
    expect(page.locator(f'xpath=//*[@id="operations-webhooks-webhooks\\.{last}"]')).to_be_visible()


def _last_webhook(page: Page) -> str:
    """The name of the document's last webhook, the last operation Swagger UI lists."""
    document = page.request.get("/api/v1/openapi.json").json()
    return list(document["webhooks"])[-1]

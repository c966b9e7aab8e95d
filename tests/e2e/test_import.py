"""Importing a CSV in a real browser: upload, watch the job finish, see the contacts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.contacts.fixtures.imports import HUBSPOT
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser


def test_upload_and_watch_the_import_finish(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Imports").click()
    shot(page, "12-imports-empty")
    page.set_input_files("#file", str(HUBSPOT))
    expect(page.locator("#file-name")).to_have_text(HUBSPOT.name)
    page.get_by_role("button", name="Start import").click()
    expect(page).to_have_url(re.compile(r"/imports/\d+$"))
    # The job card polls (htmx, every second) until the worker has finished.
    expect(page.locator("#job")).to_contain_text("Finished", timeout=20_000)
    created = page.locator("#job .counts div", has_text="Created").locator("dd")
    assert int(created.inner_text().replace(",", "")) > 0
    expect(page.locator("#job progress")).to_have_count(0)
    shot(page, "13-import-done")
    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_label("Search", exact=True).fill("northwindtraders")
    expect(page.locator("#results")).to_contain_text("Maria Gonzalez")

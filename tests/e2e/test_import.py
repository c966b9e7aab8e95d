"""Importing a CSV in a real browser: upload, watch the job finish, see the contacts; resume
an import that was interrupted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from huddle.contacts.importing.service import Progress, create_import, run_import
from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from tests.contacts.fixtures.imports import HUBSPOT, write_csv
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser


def test_upload_and_watch_the_import_finish(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Imports").click()
    shot(page, "12-imports-empty")
    page.set_input_files("#file", str(HUBSPOT))
    expect(page.locator("#file-name")).to_have_text(HUBSPOT.name)
    page.get_by_role("button", name="Upload and map columns").click()
    expect(page.get_by_text("recognised as a HubSpot contacts export")).to_be_visible()
    page.get_by_role("button", name="Check the whole file").click()
    page.get_by_role("button", name=re.compile(r"^Import \d+ rows$")).click()
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


def test_resume_an_interrupted_import(page: Page, live_server: LiveServer, tmp_path: Path) -> None:
    rows = [[f"visitor{n}@fair-{n % 3}.example", f"Visitor {n}", "Fair"] for n in range(30)]
    source = write_csv(tmp_path / "trade-fair.csv", ["email", "first_name", "last_name"], rows)
    with unit_of_work(live_server.factory) as session:
        import_id = create_import(
            session, source, filename=source.name, actor=Actor.system("e2e")
        ).id

    def ctrl_c_after_the_first_chunk(progress: Progress) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_import(
            lambda: unit_of_work(live_server.factory),
            import_id,
            source,
            errors_path=tmp_path / "errors.csv",
            chunk_size=10,
            on_progress=ctrl_c_after_the_first_chunk,
        )

    sign_in(page, live_server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/imports")
    page.get_by_text("What a file may hold").click()
    expect(page.get_by_text("a cell of up to 32,768")).to_be_visible()
    shot(page, "14-imports-limits-390")
    page.goto(f"/imports/{import_id}")
    card = page.locator("#job")
    expect(card).to_contain_text("Interrupted")
    expect(card).to_contain_text("up to line 11")
    shot(page, "14-import-interrupted-390")
    page.set_viewport_size({"width": 1400, "height": 900})
    shot(page, "15-import-interrupted")
    page.get_by_role("button", name="Resume").click()
    expect(page.locator(".toast")).to_contain_text("is queued to go on from line 12")
    expect(card).to_contain_text("Finished", timeout=20_000)
    created = card.locator(".counts div", has_text="Created").locator("dd")
    expect(created).to_have_text("30")
    expect(page.get_by_role("button", name="Resume")).to_have_count(0)

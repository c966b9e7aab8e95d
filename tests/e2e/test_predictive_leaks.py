"""A marketing-ops user opens the predictive models page after training on a lead export:
the columns sales wrote after the outcome are listed as excluded, the honest ones that only
look decisive as suspicious and kept, at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.predictive import service
from huddle.predictive.models import ModelVersion
from tests.e2e.conftest import LiveServer, shot, sign_in
from tests.e2e.test_accessibility import AXE, AXE_OPTIONS, BLOCKING, _describe
from tests.predictive.leadexport import write_lead_export

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots-pred-leak")


def test_the_models_page_tells_leaks_from_suspicious_columns(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    path = write_lead_export(tmp_path / "Leads.csv", rows=2000)
    loaded = service.load_csv(path, target="Converted")
    with unit_of_work(live_server.factory) as session:
        version = service.train_from_csv(session, loaded, actor=SYSTEM, name="Leads.csv")
        version_id = version.id
    try:
        page.set_viewport_size({"width": 1400, "height": 900})
        page.context.add_init_script(path=str(AXE))  # axe-core, before the page's own CSP
        sign_in(page, live_server)
        page.goto("/settings/scoring/predictive")
        card = page.locator(f"#version-{version_id}")
        flags = card.get_by_test_id("leak-flags")
        excluded = flags.locator("div", has=page.get_by_role("heading", name="Excluded as leaking"))
        expect(excluded.last).to_contain_text("Tags: values settle the outcome either way")
        expect(excluded.last).to_contain_text("Lead Quality")
        kept = flags.locator("div", has=page.get_by_role("heading", name="Suspicious, kept"))
        expect(kept.last).to_contain_text("Last Activity")
        expect(card.get_by_role("button", name="Activate")).to_have_count(0)  # a file's model
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "predictive-1400.png"), full_page=True)
        assert _violations(page, 1400) == []
        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        expect(page.get_by_role("heading", name="Suspicious, kept").first).to_be_visible()
        page.screenshot(path=str(SHOTS / "predictive-390.png"), full_page=True)
        assert _violations(page, 390) == []
        wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"the page is {wide}px wider than the phone"
        shot(page, "60-predictive-leaks")
    finally:
        with unit_of_work(live_server.factory) as session:
            session.execute(delete(ModelVersion).where(ModelVersion.id == version_id))


def _violations(page: Page, width: int) -> list[str]:
    """axe-core's serious and critical findings (WCAG 2.2 AA) on the page as it stands."""
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        _describe(page.url, width, violation)
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]

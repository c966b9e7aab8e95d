"""A marketing-ops lead reads the rules suggested from the history, adopts them as a rule
model, finds it opened in the rule builder, and back-tests it against known outcomes (ROC
AUC, lift by decile and the ROC curve beside the counts)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import delete, select

from huddle.contacts.models import Account, Contact
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.scoring import service as scoring
from huddle.scoring.models import ScoreModel
from tests.e2e.conftest import LiveServer, forget_contacts, shot, sign_in
from tests.predictive.test_records import _history

pytestmark = pytest.mark.browser
SHOTS = "/tmp/shots-pred-backtest"


def _seed_history(server: LiveServer) -> tuple[list[int], set[int]]:
    with unit_of_work(server.factory) as session:
        contacts = _history(session, count=160)
        return [c.id for c in contacts], {c.account_id for c in contacts if c.account_id}


def _forget(server: LiveServer, contacts: list[int], accounts: set[int], name: str) -> None:
    """The story's contacts, accounts and model go: other stories count the records."""
    with unit_of_work(server.factory) as session:
        found = session.scalar(select(ScoreModel).where(ScoreModel.name == name))
        if found is not None:
            scoring.delete_model(session, found.id, actor=SYSTEM)
    forget_contacts(server, Contact.id.in_(contacts))
    with unit_of_work(server.factory) as session:
        session.execute(delete(Account).where(Account.id.in_(accounts)))


def _both_widths(page: Page, name: str, part: Locator | None = None) -> None:
    """Full-page screenshots at 1,400 and 390 px (and of ``part`` alone, to read it)."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.screenshot(path=f"{SHOTS}/{name}-1400.png", full_page=True)
    if part is not None:
        part.screenshot(path=f"{SHOTS}/{name}-part-1400.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
    if part is not None:
        part.screenshot(path=f"{SHOTS}/{name}-part-390.png")
    # Nothing but the scrolling nav and tables reaches past the screen's edge.
    wide = page.evaluate(
        "() => [...document.querySelectorAll('main *')].filter(e => !e.closest('.table-wrap')"
        " && e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className)"
    )
    assert not wide, wide
    page.set_viewport_size({"width": 1400, "height": 900})


def test_adopt_suggested_rules_then_backtest_them(page: Page, live_server: LiveServer) -> None:
    contacts, accounts = _seed_history(live_server)
    name = "Learned from history"
    try:
        sign_in(page, live_server)
        page.goto("/settings/scoring/predictive")
        page.get_by_role("link", name="Suggested rules").click()
        expect(page.get_by_role("heading", name="Suggested rules")).to_be_visible()
        table = page.get_by_test_id("suggestions")
        software = table.locator("tr", has_text="Software")
        expect(software).to_contain_text("the average")
        expect(software.locator("td.num")).to_have_text(re.compile(r"\+\d+"))
        _both_widths(page, "suggestions")
        shot(page, "60-suggested-rules")

        page.get_by_label("Name of the new rule model").fill(name)
        page.get_by_role("button", name="Adopt as a draft rule model").click()
        expect(page.locator(".toast")).to_contain_text(f"{name} created")
        model = page.locator("section.card", has=page.get_by_role("heading", name=name))
        expect(model).to_contain_text("industry = Software")
        # Opened in the rule builder, one row per adopted rule.
        rows = model.locator(".builder-rule")
        expect(rows.first).to_be_visible()
        assert rows.count() == model.locator("table.data tbody tr").count()

        model.get_by_role("button", name="Back-test 6 months").click()
        model = page.locator("section.card", has=page.get_by_role("heading", name=name))
        outcome = model.get_by_test_id("backtest-outcome")
        expect(outcome).to_contain_text("Against known outcomes")
        expect(outcome.get_by_test_id("outcome-roc-chart")).to_be_visible()
        expect(outcome.get_by_test_id("outcome-lift-chart")).to_be_visible()
        expect(outcome.locator("table.data")).to_contain_text(f"{name} (your change)")
        _both_widths(page, "backtest-outcome", outcome)
    finally:
        _forget(live_server, contacts, accounts, name)

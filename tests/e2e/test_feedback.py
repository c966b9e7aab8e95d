"""A product manager adds a feature; a seller logs it as a feature gap on a deal, in the
prospect's words; the product feedback report ranks it by the deal's open amount, with the
quote, as the API does; the feedback loop page opens. Desktop and phone widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.contacts.models import Account
from huddle.core.db import unit_of_work
from huddle.feedback.models import ProductFeature
from huddle.lifecycle.models import Opportunity
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser

FEATURE = "Offline mode for field teams"
QUOTE = "Our engineers work in basements without signal"


def _open_deal(server: LiveServer) -> int:
    with unit_of_work(server.factory) as session:
        account = Account(name="Feedback Works")
        session.add(account)
        session.flush()
        deal = Opportunity(name="Feedback Works - rollout", account_id=account.id, amount=18_000)
        session.add(deal)
        session.flush()
        return deal.id


def _forget(server: LiveServer) -> None:
    """The shared server's later stories count its accounts and deals."""
    with unit_of_work(server.factory) as session:
        session.execute(delete(Account).where(Account.name == "Feedback Works"))
        session.execute(delete(ProductFeature).where(ProductFeature.name == FEATURE))


def _no_overflow(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.set_viewport_size({"width": 1440, "height": 900})


def test_a_feature_gap_logged_on_a_deal_shows_in_the_product_report(
    page: Page, live_server: LiveServer
) -> None:
    deal_id = _open_deal(live_server)
    try:
        sign_in(page, live_server)
        page.goto("/settings/product-features")
        page.get_by_label("Name", exact=True).fill(FEATURE)
        page.get_by_role("button", name="Add").click()
        expect(page.get_by_test_id("feature").first).to_be_visible()

        page.goto(f"/opportunities/{deal_id}")
        page.get_by_role("link", name="Product feedback").click()
        page.get_by_label("Kind").select_option("feature_gap")
        page.get_by_label("Feature").select_option(label=FEATURE)
        page.get_by_label("What was said").fill(QUOTE)
        page.get_by_role("button", name="Log feedback").click()
        expect(page.get_by_test_id("items")).to_contain_text(QUOTE)
        _no_overflow(page)

        page.goto("/analytics/product-feedback")
        row = page.locator('[data-testid="features-report"] tr', has_text=FEATURE)
        expect(row.get_by_test_id("open-pipeline")).to_have_text("$18,000")
        expect(page.get_by_test_id("feedback-chart").locator("rect.fb-open")).not_to_have_count(0)
        expect(page.get_by_test_id("quotes").filter(has_text=QUOTE)).to_be_visible()
        api = page.request.get("/api/v1/product-feedback").json()
        [figures] = [r for r in api["features"] if r["name"] == FEATURE]
        assert (figures["open_pipeline"], figures["open_deals"]) == (18_000, 1)
        assert [q["quote"] for q in figures["quotes"]] == [QUOTE]
        shot(page, "product-feedback")
        _no_overflow(page)

        page.goto("/analytics/feedback-loop")
        expect(page.get_by_role("heading", name="Feedback loop", exact=True)).to_be_visible()
        expect(page.get_by_test_id("traits")).to_be_visible()
        _no_overflow(page)
        shot(page, "feedback-loop")
    finally:
        _forget(live_server)

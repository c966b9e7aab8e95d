"""Working deals: open one from an account, drag it across the board, move it again from
the keyboard, edit it and note what happened."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.lifecycle import service as lifecycle
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser

DEAL = "Rocket sled fleet"


def _column(page: Page, stage: str):  # type: ignore[no-untyped-def]
    return page.locator(f'.column[data-stage="{stage}"]')


def test_open_a_deal_drag_it_and_move_it_by_keyboard(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.goto(f"/accounts/{live_server.seeded.star_account_id}")
    page.get_by_role("link", name="New deal").click()
    page.get_by_label("Deal name").fill(DEAL)
    page.get_by_label("Amount").fill("84000")
    page.get_by_role("button", name="Create deal").click()
    expect(page.get_by_role("heading", name=DEAL)).to_be_visible()
    deal_id = int(page.url.rsplit("/", 1)[1])
    try:
        page.goto("/opportunities")
        card = page.locator(f'.deal[data-deal="{deal_id}"]')
        expect(_column(page, "qualification").locator(card)).to_have_count(1)

        card.drag_to(_column(page, "proposal"))
        expect(page.get_by_text("Moved to Proposal.")).to_be_visible()
        expect(_column(page, "proposal").locator(f'.deal[data-deal="{deal_id}"]')).to_have_count(1)
        shot(page, "deals-board-after-drag")

        # Without a mouse: the card's stage menu.
        page.get_by_label(f"Stage of {DEAL}").focus()
        page.get_by_label(f"Stage of {DEAL}").select_option("negotiation")
        expect(_column(page, "negotiation").locator(f'.deal[data-deal="{deal_id}"]')).to_have_count(
            1
        )

        page.locator(f'.deal[data-deal="{deal_id}"] a.deal-name').click()
        page.get_by_label("Expected close date").fill("2031-03-31")
        page.get_by_role("button", name="Save details").click()
        expect(page.get_by_text("Deal saved.")).to_be_visible()
        page.get_by_label("Note on this deal").fill("Procurement wants a pilot first.")
        page.get_by_role("button", name="Add note").click()
        activity = page.locator("#activity")
        expect(activity).to_contain_text("Procurement wants a pilot first.")
        expect(activity).to_contain_text("moved it from Proposal to Negotiation")
        expect(activity).to_contain_text("moved it from Qualification to Proposal")
        expect(activity).to_contain_text("changed the close date")
        shot(page, "deals-page-activity")
        page.set_viewport_size({"width": 390, "height": 844})
        shot(page, "deals-page-activity-phone")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        with unit_of_work(live_server.factory) as session:
            lifecycle.delete_opportunity(session, deal_id, actor=Actor.system("e2e cleanup"))

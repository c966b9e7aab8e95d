"""Marketing sets up a campaign with its cost and a UTM rule in the browser; a tracked
touch takes the campaign; the attribution page credits the won deal to it, with the same
figures as the API."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.contacts import service as contacts_service
from huddle.contacts.models import Account, Contact
from huddle.contacts.service import TouchRow
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.lifecycle.models import Opportunity
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser

PERIOD = "from=2024-03-01&to=2024-03-31"
CONTACT_EMAIL = "ada@attribution-e2e.example"


def _won_deal_after_a_tracked_visit(server: LiveServer) -> None:
    with unit_of_work(server.factory) as session:
        account = Account(name="Attribution Works")
        contact = Contact(email=CONTACT_EMAIL, first_name="Ada", last_name="Buyer")
        session.add_all([account, contact])
        session.flush()
        contacts_service.record_touches(
            session,
            [
                TouchRow(
                    "page_view",
                    datetime(2024, 3, 4, 9, tzinfo=UTC),
                    contact.id,
                    properties={"utm_source": "LinkedIn", "utm_campaign": "spring"},
                )
            ],
            actor=SYSTEM,
        )
        session.add(
            Opportunity(
                name="Attribution Works - platform",
                account_id=account.id,
                primary_contact_id=contact.id,
                amount=24_000,
                status="won",
                pipeline_stage="closed_won",
                created_at=datetime(2024, 3, 10, tzinfo=UTC),
                closed_at=datetime(2024, 3, 20, tzinfo=UTC),
            )
        )


def test_a_campaign_is_credited_with_the_deal_it_brought(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server)
    page.goto("/campaigns")
    page.get_by_role("link", name="New campaign").click()
    page.get_by_label("Name").fill("Spring LinkedIn push")
    page.get_by_label("Channel").select_option("paid_social")
    page.get_by_label("Budget (USD)").fill("10000")
    page.get_by_role("button", name="Create campaign").click()
    expect(page.get_by_role("heading", name="Spring LinkedIn push")).to_be_visible()
    page.get_by_label("Date").fill("2024-03-01")
    page.get_by_label("Amount (USD)").fill("4000")
    page.get_by_role("button", name="Add cost").click()
    expect(page.get_by_test_id("cost")).to_have_text("$4,000")
    page.get_by_label("Parameter").select_option("utm_source")
    page.get_by_label("Value").fill("linkedin")
    page.get_by_role("button", name="Add rule").click()
    expect(page.get_by_test_id("rules")).to_contain_text("linkedin")

    _won_deal_after_a_tracked_visit(live_server)
    try:
        page.goto(f"/attribution?{PERIOD}&model=w_shaped")
        chart = page.get_by_test_id("attribution-chart")
        expect(chart.locator("rect.m-w_shaped")).not_to_have_count(0)
        row = page.locator('[data-testid="campaign-credit"] tr', has_text="Spring LinkedIn push")
        expect(row).to_contain_text("$24,000")
        expect(row).to_contain_text("500.0%")  # (24,000 - 4,000) / 4,000
        api = page.request.get(f"/api/v1/attribution?{PERIOD}&model=w_shaped").json()
        [credit] = [c for c in api["models"][0]["campaigns"] if c["name"] == "Spring LinkedIn push"]
        assert (credit["revenue"], credit["cost"], credit["roi"]) == (24_000, 4000, 5.0)
        shot(page, "attribution")
    finally:
        _forget_the_deal(live_server)


def _forget_the_deal(server: LiveServer) -> None:
    """The shared server's later stories count its contacts and accounts."""
    with unit_of_work(server.factory) as session:
        session.execute(delete(Account).where(Account.name == "Attribution Works"))
        session.execute(delete(Contact).where(Contact.email == CONTACT_EMAIL))

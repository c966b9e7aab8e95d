"""RevOps opens ICP discovery from the scoring settings: the best customers' segments with
their lift, the ICP draft in the criteria builder; a persona criterion can match titles by
meaning. Screenshots at desktop and phone widths."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.contacts.models import Account
from huddle.core import clock
from huddle.core.db import unit_of_work
from huddle.lifecycle.models import Opportunity
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser

INDUSTRY = "E2E Robotics"


@pytest.fixture
def robotics_customers(live_server: LiveServer) -> Iterator[None]:
    """Six long-standing, high-value customers in an industry of this story's own."""
    with unit_of_work(live_server.factory) as session:
        for i in range(6):
            account = Account(
                name=f"E2E Robot Works {i}",
                domain=f"e2e-robot-{i}.example",
                industry=INDUSTRY,
                employee_count=300,
            )
            session.add(account)
            session.flush()
            session.add(
                Opportunity(
                    name=f"E2E robots {i}",
                    account_id=account.id,
                    amount=5_000_000,
                    status="won",
                    pipeline_stage="closed_won",
                    closed_at=clock.now() - timedelta(days=1500 + i),
                )
            )
    yield
    with unit_of_work(live_server.factory) as session:
        session.execute(delete(Account).where(Account.industry == INDUSTRY))


def test_icp_discovery_proposes_the_best_customers_segment(
    page: Page, live_server: LiveServer, robotics_customers: None
) -> None:
    sign_in(page, live_server)
    page.goto("/settings/scoring")
    page.get_by_role("link", name="Discover it from your best customers").click()
    expect(page.get_by_role("heading", name="ICP discovery")).to_be_visible()
    row = page.locator(f'tr[data-segment="industry={INDUSTRY}"]')
    expect(row).to_contain_text(re.compile(r"\d\.\d\u00d7"))  # the lift, as 1.7 and a times sign
    expect(row).to_contain_text("6 of")
    draft = page.locator("#icp-draft")
    # The draft is in the criteria builder: a card per criterion, its label editable.
    expect(draft.locator(".builder-rule").first).to_be_visible()
    expect(draft.get_by_role("button", name="Adopt as the ICP")).to_be_visible()
    shot(page, "icp-discovery-1400")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator(f'tr[data-segment="industry={INDUSTRY}"]')).to_be_visible()
    shot(page, "icp-discovery-390")

    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_label("Minimum support (best customers in a segment)").fill("0")
    page.get_by_role("button", name="Discover").click()
    expect(page.locator("#icp-settings .alert")).to_contain_text("Min support")

    page.goto("/settings/scoring?icp_draft=1#grading")
    expect(page.locator("#grading")).to_contain_text("A draft from ICP discovery")
    expect(page.locator("#grading")).to_contain_text(f"Industry is {INDUSTRY}")


def test_a_persona_criterion_can_match_job_titles_by_meaning(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server)
    page.goto("/settings/scoring#grading")
    form = page.locator("#profile-new-form")
    form.get_by_role("button", name="+ Criterion").click()
    form.get_by_label("Matched by").select_option("title")
    title = form.get_by_label(re.compile(r"^Example job title"))
    title.fill("VP Engineering")
    form.get_by_label("Criterion").fill("Runs engineering")
    written = form.locator("textarea[name=criteria]").input_value()
    assert json.loads(written) == [
        {"label": "Runs engineering", "weight": 1, "title_like": "VP Engineering"}
    ]
    # The builder's check as you go reads it in words.
    expect(form).to_contain_text("job title alike in meaning to “VP Engineering”")
    form.scroll_into_view_if_needed()
    shot(page, "persona-title-builder-1400")

"""A marketer opens /analytics, picks a date range and a breakdown in the form, and sees the
funnel's bars, the cohort heat map and the velocity distributions drawn with data, with the
same figures as the API; the page fits a phone's width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.contacts.models import Contact
from huddle.core.db import unit_of_work
from tests.analytics.factories import seed_story
from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser


def _numbers(page: Page) -> list[int]:
    texts = page.locator(".funnel .f-value").all_inner_texts()
    return [int(re.sub(r"\D", "", t)) for t in texts]


def test_the_analytics_page_follows_the_range_and_breakdown(
    page: Page, live_server: LiveServer
) -> None:
    with unit_of_work(live_server.factory) as session:
        ids = [c.id for c in seed_story(session).values()]
    try:
        _story(page, live_server)
    finally:
        # The server is shared with the other browser stories: they count its contacts.
        with unit_of_work(live_server.factory) as session:
            session.execute(delete(Contact).where(Contact.id.in_(ids)))


def _story(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Analytics").first.click()
    expect(page.get_by_role("heading", name="Analytics", level=1)).to_be_visible()

    page.get_by_label("From", exact=True).fill("2024-01-01")
    page.get_by_label("To", exact=True).fill("2024-03-31")
    page.get_by_label("Break down by", exact=True).select_option(label="First-touch source")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"start=2024-01-01.*by=source"))

    api = page.request.get(
        "/api/v1/analytics/funnel?start=2024-01-01&end=2024-03-31&view=period&by=source"
    ).json()
    assert _numbers(page) == [s["count"] for s in api["total"]["steps"]]
    assert sum(_numbers(page)) > 0
    breakdown = page.get_by_test_id("breakdown")
    expect(breakdown).to_contain_text("google")
    expect(breakdown).to_contain_text("linkedin")
    # The charts are drawn, with data.
    assert page.locator("[data-testid=heat-map] .h-cell").count() >= 7
    expect(page.get_by_test_id("cohorts")).to_contain_text("2024-01")
    assert page.locator(".vel-dist .v-bar[height]:not([height='0'])").count() > 0
    velocity = page.request.get("/api/v1/analytics/velocity?start=2024-01-01&end=2024-03-31").json()
    lead_mql = next(
        p for p in velocity["pairs"] if p["from_stage"] == "lead" and p["to_stage"] == "mql"
    )
    shown = page.locator("[data-pair='lead>mql']").inner_text()
    assert shown == f"{round(lead_mql['median_seconds'] / 86400, 1)} d"
    kpis = page.request.get("/api/v1/analytics/kpis?start=2024-01-01&end=2024-03-31").json()
    expect(page.get_by_test_id("kpi-acceptance")).to_have_text(f"{kpis['mql_to_sal_percent']}%")
    shot(page, "analytics-desktop")

    page.get_by_label("Break down by", exact=True).select_option(label="Owner")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"by=owner"))
    expect(page.get_by_role("heading", name="By Owner")).to_be_visible()

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    shot(page, "analytics-phone")

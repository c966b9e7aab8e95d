"""A manager asks for a suggested target, creates a goal with the form, sees its progress and
pacing chart, runs a reverse-funnel plan and opens the KPI dashboard: the figures on the
pages are the API's, the charts are drawn with data, and the pages fit a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.contacts.models import Contact
from huddle.core.db import unit_of_work
from huddle.goals.models import Goal
from huddle.lifecycle.models import Opportunity
from tests.e2e.conftest import LiveServer, forget_contacts, shot, sign_in
from tests.goals.factories import seed_funnel_history

pytestmark = pytest.mark.browser


def test_a_goal_from_the_form_its_pace_a_plan_and_the_kpis(
    page: Page, live_server: LiveServer
) -> None:
    with unit_of_work(live_server.factory) as session:
        made = seed_funnel_history(session, zone=False)
    try:
        _story(page, live_server)
    finally:
        # The server is shared with the other browser stories: they count its records.
        with unit_of_work(live_server.factory) as session:
            session.execute(delete(Goal))
            session.execute(delete(Opportunity).where(Opportunity.id.in_(made[10:])))
        forget_contacts(live_server, Contact.id.in_(made[:10]))


def _no_overflow(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.set_viewport_size({"width": 1400, "height": 900})


def _story(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.goto("/analytics")
    page.get_by_role("navigation", name="Analytics pages").get_by_role("link", name="Goals").click()
    page.get_by_role("link", name="New goal").click()

    page.get_by_label("Name", exact=True).fill("Q1 SQLs")
    page.get_by_label("Metric", exact=True).select_option(label="SQLs")
    page.get_by_label("First day", exact=True).fill("2024-01-01")
    page.get_by_label("Last day", exact=True).fill("2024-03-31")
    page.get_by_role("button", name="Suggest a target").click()
    expect(page.get_by_test_id("suggestion")).to_contain_text("least squares")
    api = page.request.get(
        "/api/v1/goals/suggestion?metric=sqls&starts_on=2024-01-01&ends_on=2024-03-31"
    ).json()
    suggested = page.get_by_test_id("suggested").inner_text()
    assert suggested == ("—" if api["suggested"] is None else str(int(api["suggested"])))

    page.get_by_label("Name", exact=True).fill("Q1 SQLs")
    page.get_by_label("Target", exact=True).fill("5")
    page.get_by_label("Marketing", exact=True).check()
    page.get_by_label("Sales", exact=True).check()
    page.get_by_role("button", name="Create goal").click()
    page.wait_for_url(re.compile(r"/analytics/goals/\d+$"))
    expect(page.get_by_role("heading", name="Q1 SQLs", level=1)).to_be_visible()

    goal_id = page.url.rsplit("/", 1)[1]
    progress = page.request.get(f"/api/v1/goals/{goal_id}/progress").json()
    assert progress["value"] >= 4 and progress["finished"]
    expect(page.get_by_test_id("goal-value")).to_have_text(str(int(progress["value"])))
    status = page.locator("[data-status]").first
    expect(status).to_have_attribute("data-status", progress["status"])
    # The pacing chart is drawn: the value so far is a line through the measured days.
    chart = page.get_by_test_id("pacing-chart")
    expect(chart).to_be_visible()
    points = page.get_by_test_id("pacing-actual").get_attribute("points") or ""
    assert len(points.split()) == len(progress["series"]) + 1 >= 3
    assert page.locator("[data-testid=pacing-points] tbody tr").count() == len(progress["series"])
    shot(page, "goal-desktop")
    _no_overflow(page)

    page.get_by_role("navigation", name="Analytics pages").get_by_role("link", name="Plan").click()
    page.get_by_label("Target", exact=True).select_option(label="New customers")
    page.get_by_label("Amount or customers").fill("2")
    page.get_by_label("First day", exact=True).fill("2024-04-01")
    page.get_by_label("Last day", exact=True).fill("2024-04-30")
    page.get_by_label("History (months)").fill("3")
    page.get_by_role("button", name="Plan", exact=True).click()
    page.wait_for_url(re.compile(r"/analytics/plan\?.*target=2"))
    plan = page.request.get(
        "/api/v1/goals/plan?target_metric=new_customers&target=2&starts_on=2024-04-01"
        "&ends_on=2024-04-30&history_months=3"
    ).json()
    shown = page.locator("[data-testid=plan] [data-testid=needed]").all_inner_texts()
    assert shown == ["—" if s["needed"] is None else f"{s['needed']:,}" for s in plan["stages"]]
    assert plan["stages"][-1]["needed"] == 2 and plan["mqls_needed"] is not None
    expect(page.get_by_role("button", name=re.compile("Draft the SLA"))).to_be_visible()
    shot(page, "plan-desktop")
    _no_overflow(page)

    page.get_by_role("navigation", name="Analytics pages").get_by_role("link", name="KPIs").click()
    page.get_by_label("From", exact=True).fill("2024-01-01")
    page.get_by_label("To", exact=True).fill("2024-03-31")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"start=2024-01-01"))
    kpis = page.request.get("/api/v1/goals/kpis?start=2024-01-01&end=2024-03-31").json()
    sqls = next(c for c in kpis["cards"] if c["metric"] == "sqls")
    card = page.locator("[data-metric=sqls]")
    expect(card.get_by_test_id("kpi-value")).to_have_text(str(int(sqls["value"])))
    expect(card.get_by_role("link")).to_have_attribute("href", f"/analytics/goals/{goal_id}")
    assert page.locator(".spark polyline").count() >= 5
    shot(page, "kpis-desktop")
    _no_overflow(page)

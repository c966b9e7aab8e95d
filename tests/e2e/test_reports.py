"""A revenue-operations lead walks through every report: the home page's funnel, the funnel
(period and cohorts), velocity and the KPIs on /analytics, the KPI dashboard, a goal, the
reverse-funnel plan, attribution side by side and the feedback loop. On each she changes the
date range (and the breakdown where there is one); every figure the page shows equals the
API's for the same range, and every chart is drawn with data. The product feedback report
and the campaigns (no date range) show the API's figures too."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.campaigns.models import Campaign, CampaignCost
from huddle.contacts.models import Account, Contact
from huddle.core.db import unit_of_work
from huddle.feedback.models import ProductFeature
from huddle.feedback.views import TRAITS_SHOWN
from huddle.goals.models import Goal
from huddle.lifecycle.models import Opportunity
from tests.analytics.factories import seed_story
from tests.e2e.conftest import LiveServer, forget_contacts, shot, sign_in
from tests.feedback.factories import make_feature, make_item
from tests.goals.factories import make_goal, seed_funnel_history

pytestmark = pytest.mark.browser

# Two ranges over the seeded histories (January to April 2024), and two breakdowns.
FIRST = ("2024-01-01", "2024-03-31")
SECOND = ("2024-02-01", "2024-04-30")
ACCOUNT = "Reports Works"
FEATURE = "Reports: single sign-on"
CAMPAIGN = "Reports spring webinar"


def _deal_with_feedback_and_a_campaign(session: Session) -> None:
    """An open deal with a feature gap logged on it, and a campaign with two cost entries."""
    account = Account(name=ACCOUNT)
    session.add(account)
    session.flush()
    deal = Opportunity(name=f"{ACCOUNT} - rollout", account_id=account.id, amount=18_500)
    session.add(deal)
    session.flush()
    feature = make_feature(session, name=FEATURE)
    make_item(session, deal=deal, feature_id=feature.id, kind="feature_gap", quote="We need SSO")
    campaign = Campaign(name=CAMPAIGN, channel="webinar", budget=5000)
    session.add(campaign)
    session.flush()
    for day, amount in ((date(2024, 3, 1), 1200.5), (date(2024, 3, 8), 800)):
        session.add(CampaignCost(campaign_id=campaign.id, spent_on=day, amount=amount))


def test_every_report_shows_the_apis_figures_for_the_range_chosen(
    page: Page, live_server: LiveServer
) -> None:
    with unit_of_work(live_server.factory) as session:
        contacts = list(seed_story(session).values())
        # Half of them owned by the admin, for a breakdown by owner of two groups.
        admin = session.scalar(select(User.id).where(User.email == live_server.email))
        for contact in contacts[::2]:
            contact.owner_id = admin
        story = [c.id for c in contacts]
        _deal_with_feedback_and_a_campaign(session)
        made = seed_funnel_history(session, zone=False)
        goal_id = make_goal(
            session, name="Q1 SQLs", metric="sqls", target=6, starts_on=_day(FIRST[0])
        ).id
    try:
        sign_in(page, live_server)
        for (start, end), by in ((FIRST, "source"), (SECOND, "owner")):
            _home(page, start, end)
            _funnel_page(page, start, end, by)
            _kpi_dashboard(page, start, end)
            _attribution(page, start, end)
        _goal(page, goal_id)
        _plan(page)
        _feedback_loop(page)
        _product_report(page)
        _campaigns(page)
    finally:
        # The server is shared with the other browser stories: they count its records.
        with unit_of_work(live_server.factory) as session:
            session.execute(delete(Goal).where(Goal.id == goal_id))
            session.execute(delete(Opportunity).where(Opportunity.id.in_(made[10:])))
            session.execute(delete(Account).where(Account.name == ACCOUNT))
            session.execute(delete(ProductFeature).where(ProductFeature.name == FEATURE))
            session.execute(delete(Campaign).where(Campaign.name == CAMPAIGN))
        forget_contacts(live_server, Contact.id.in_(story + made[:10]))


def _day(text: str) -> date:
    return date.fromisoformat(text)


# --- how the pages write figures ---------------------------------------------------------------


def _count(value: int) -> str:
    return f"{value:,}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value}%"


def _days(seconds: float | None) -> str:
    return "—" if seconds is None else f"{round(seconds / 86400, 1)} d"


def _money(amount: float) -> str:
    return f"${amount:,.0f}" if float(amount).is_integer() else f"${amount:,.2f}"


def _cells(page: Page, table: str) -> list[list[str]]:
    """The body of a table (by test id) as its cells' texts, row by row."""
    rows = page.get_by_test_id(table).locator("tbody tr")
    return [
        [" ".join(t.split()) for t in row.locator("td").all_inner_texts()] for row in rows.all()
    ]


def _api(page: Page, path: str) -> Any:
    answer = page.request.get(path)
    assert answer.ok, (path, answer.status, answer.text())
    return answer.json()


def _choose_range(page: Page, start: str, end: str) -> None:
    page.get_by_label("From", exact=True).fill(start)
    page.get_by_label("To", exact=True).fill(end)


# --- the reports ---------------------------------------------------------------------------------


def _home(page: Page, start: str, end: str) -> None:
    page.goto("/")
    _choose_range(page, start, end)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(rf"start={start}&end={end}"))
    home = _api(page, f"/api/v1/home?start={start}&end={end}")
    shown = {
        value.get_attribute("data-stage"): int(re.sub(r"\D", "", value.inner_text()))
        for value in page.locator(".funnel .f-value").all()
    }
    assert shown == {step["stage"]: step["count"] for step in home["funnel"]}
    assert home["funnel"][1]["count"] > 0
    widths = page.locator(".funnel .f-fill").evaluate_all(
        "bars => bars.map(b => b.width.baseVal.value)"
    )
    assert max(widths) == 400


def _funnel_page(page: Page, start: str, end: str, by: str) -> None:
    page.goto("/analytics")
    _choose_range(page, start, end)
    page.get_by_label("Break down by", exact=True).select_option(by)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(rf"start={start}&end={end}&by={by}"))
    query = f"start={start}&end={end}"

    period = _api(page, f"/api/v1/analytics/funnel?{query}&view=period&by={by}")
    bars = page.locator(".funnel .f-value").all_inner_texts()
    assert [re.sub(r"\D", "", t) for t in bars] == [
        str(s["count"]) for s in period["total"]["steps"]
    ]
    assert period["total"]["steps"][0]["count"] > 0
    expected_rows = [
        [r["group_label"]]
        + [_count(s["count"]) for s in r["steps"]]
        + [_pct(r["mql_to_sal_percent"]), _pct(r["sql_to_customer_percent"])]
        for r in period["rows"]
    ]
    assert _cells(page, "breakdown") == expected_rows
    assert len(expected_rows) >= 2

    cohorts = _api(page, f"/api/v1/analytics/funnel?{query}&view=cohort")
    assert _cells(page, "cohorts") == [
        [r["cohort"]] + [f"{_count(s['count'])} {_pct(s['of_first_percent'])}" for s in r["steps"]]
        for r in cohorts["rows"]
    ]
    cells = page.locator("[data-testid=heat-map] .h-cell")
    assert cells.count() == len(cohorts["rows"]) * len(cohorts["total"]["steps"]) > 0

    velocity = _api(page, f"/api/v1/analytics/velocity?{query}")
    assert [row[1:5] for row in _cells(page, "velocity")] == [
        [
            _count(p["count"]),
            _days(p["median_seconds"]),
            _days(p["p80_seconds"]),
            _days(p["mean_seconds"]),
        ]
        for p in velocity["pairs"]
    ]
    assert page.locator(".vel-dist .v-bar:not([height='0'])").count() > 0
    assert _cells(page, "exits") == [
        [e["label"]]
        + [_count(e[k]) for k in ("lost", "disqualified", "recycled", "in_stage", "stalled")]
        for e in velocity["exits"]
    ]

    kpis = _api(page, f"/api/v1/analytics/kpis?{query}")
    expect(page.get_by_test_id("kpi-acceptance")).to_have_text(_pct(kpis["mql_to_sal_percent"]))
    expect(page.get_by_test_id("kpi-win-rate")).to_have_text(_pct(kpis["sql_to_customer_percent"]))
    expect(page.get_by_test_id("kpi-lead-to-customer")).to_have_text(
        _pct(kpis["lead_to_customer_percent"])
    )
    shot(page, f"reports-funnel-{by}")


def _kpi_dashboard(page: Page, start: str, end: str) -> None:
    page.goto("/analytics/kpis")
    _choose_range(page, start, end)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(rf"start={start}&end={end}"))
    report = _api(page, f"/api/v1/goals/kpis?start={start}&end={end}")
    shown = {
        card.get_attribute("data-metric"): card.get_by_test_id("kpi-value").get_attribute(
            "data-value"
        )
        for card in page.get_by_test_id("kpis").locator("[data-metric]").all()
    }
    assert shown == {
        c["metric"]: "" if c["value"] is None else str(c["value"]) for c in report["cards"]
    }
    for card in report["cards"]:
        if card["kind"] in ("count", "percent") and card["value"] is not None:
            text = page.locator(f"[data-metric={card['metric']}] [data-testid=kpi-value]")
            wanted = (
                _count(round(card["value"])) if card["kind"] == "count" else _pct(card["value"])
            )
            expect(text).to_have_text(wanted)
    # A sparkline for every KPI with a trend.
    with_trend = [c for c in report["cards"] if any(p["value"] is not None for p in c["trend"])]
    assert page.locator("svg.spark polyline[points]").count() == len(with_trend) > 0


def _attribution(page: Page, start: str, end: str) -> None:
    page.goto("/attribution")
    _choose_range(page, start, end)
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(rf"from={start}&to={end}"))
    report = _api(page, f"/api/v1/attribution?from={start}&to={end}")
    expected = {
        (c["name"], m["model"]): c["revenue"] for m in report["models"] for c in m["campaigns"]
    }
    table = page.get_by_test_id("comparison")
    shown = {}
    for row in table.locator("tbody tr").all():
        name = row.locator("td").first.text_content()
        for cell in row.locator("td[data-model]").all():
            value = float(cell.get_attribute("data-value") or "nan")
            assert cell.text_content() == _money(value)
            shown[(name, cell.get_attribute("data-model"))] = value
    assert {k: v for k, v in shown.items() if v} == {k: v for k, v in expected.items() if v}
    assert len({model for _, model in shown}) == len(report["models"]) == 6
    chart = page.get_by_test_id("attribution-chart")
    assert chart.locator("rect.a-bar[data-model]").count() == len(shown) > 0
    shot(page, f"reports-attribution-{start}")


def _goal(page: Page, goal_id: int) -> None:
    page.goto(f"/analytics/goals/{goal_id}")
    goal = _api(page, f"/api/v1/goals/{goal_id}")
    expect(page.get_by_test_id("goal-target")).to_have_text(_count(round(goal["target"])))
    expect(page.get_by_test_id("goal-value")).to_have_text(_count(round(goal["progress"]["value"])))
    assert goal["progress"]["value"] > 0
    expect(page.get_by_test_id("pacing-actual")).to_have_attribute("points", re.compile(r"\d"))


def _plan(page: Page) -> None:
    page.goto("/analytics/plan")
    page.get_by_label("Target", exact=True).select_option("new_customers")
    page.get_by_label("Amount or customers", exact=True).fill("4")
    page.get_by_label("First day", exact=True).fill("2024-04-01")
    page.get_by_label("Last day", exact=True).fill("2024-06-30")
    page.get_by_role("button", name="Plan").click()
    page.wait_for_url(re.compile(r"starts_on=2024-04-01"))
    query = page.url.split("?", 1)[1]
    plan = _api(page, f"/api/v1/goals/plan?{query}")
    shown = {
        row.get_attribute("data-stage"): row.get_by_test_id("needed").inner_text()
        for row in page.get_by_test_id("plan").locator("tbody tr[data-stage]").all()
    }
    assert shown == {
        s["stage"]: "—" if s["needed"] is None else _count(s["needed"]) for s in plan["stages"]
    }
    assert plan["mqls_needed"]


def _feedback_loop(page: Page) -> None:
    """No date range here: the last months before today. The traits the page ranks are the
    API's, in its order."""
    page.goto("/analytics/feedback-loop?months=36")
    loop = _api(page, "/api/v1/feedback-loop?months=36")
    expect(page.get_by_text(f"{loop['converted']} of {loop['total']} converted")).to_be_visible()
    assert loop["total"] > 0
    rows = page.get_by_test_id("traits").locator("tbody tr[data-trait]").all()
    shown = [(r.get_attribute("data-trait"), r.get_attribute("data-value")) for r in rows]
    assert shown == [(t["trait"], str(t["value"])) for t in loop["traits"][:TRAITS_SHOWN]]


def _product_report(page: Page) -> None:
    page.goto("/analytics/product-feedback")
    report = _api(page, "/api/v1/product-feedback")
    assert _cells(page, "features-report") == [
        [
            r["name"],
            _money(r["open_pipeline"]),
            str(r["open_deals"]),
            _money(r["revenue_lost"]),
            str(r["lost_deals"]),
            str(r["objections"]),
            str(r["feature_gaps"]),
            str(r["accounts"]),
        ]
        for r in report["features"]
    ]
    assert any(r["name"] == FEATURE and r["open_pipeline"] == 18_500 for r in report["features"])
    assert page.get_by_test_id("feedback-chart").locator("rect.fb-open").count() > 0


def _campaigns(page: Page) -> None:
    page.goto("/campaigns")
    listed = _api(page, "/api/v1/campaigns")
    shown = [row[:1] + row[3:5] for row in _cells(page, "campaigns")]
    assert shown == [
        [c["name"], "—" if c["budget"] is None else _money(c["budget"]), _money(c["cost"])]
        for c in listed
    ]
    assert [CAMPAIGN, "$5,000", "$2,000.50"] in shown

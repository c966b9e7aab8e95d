"""The goals' pages: a goal made with the form (not JSON), its page with the pacing chart,
a suggested target in the form, the plan and its SLA draft, the KPI dashboard; the figures
on the pages are the API's."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.sla import service as sla_service
from tests.conftest import csrf_of, make_user, sign_in
from tests.goals.factories import seed_funnel_history, seed_mqls, today_is

FORM = {
    "name": "March MQLs",
    "metric": "mqls",
    "target": "10",
    "starts_on": "2024-03-01",
    "ends_on": "2024-03-31",
    "segment": "",
    "owner_teams": ["marketing", "sales"],
}


def _testid(html: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}"[^>]*>(.*?)</div>', html, re.S)
    assert found, testid
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_a_goal_made_with_the_form_shows_its_pace(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    with today_is():
        created = client.post(
            "/analytics/goals", data={**FORM, "csrf_token": csrf_of(client)}, follow_redirects=False
        )
        assert created.status_code == 303, created.text
        page = client.get(created.headers["location"])
        listed = client.get("/analytics/goals")
        goal_id = int(created.headers["location"].rsplit("/", 1)[1])
        api = client.get(f"/api/v1/goals/{goal_id}").json()
    assert page.status_code == 200
    assert _testid(page.text, "goal-value") == "2" == str(int(api["progress"]["value"]))
    assert _testid(page.text, "goal-projected") == "6"  # 6.2 shown as whole contacts
    assert 'data-testid="pacing-chart"' in page.text and "p-actual" in page.text
    assert 'data-status="behind"' in page.text
    assert "March MQLs" in listed.text and "Marketing, Sales" in listed.text


def test_a_refused_goal_keeps_the_form(client: TestClient, db: Session) -> None:
    db.commit()
    refused = client.post(
        "/analytics/goals",
        data={**FORM, "target": "", "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    assert refused.status_code == 422
    assert 'value="March MQLs"' in refused.text


def test_the_form_suggests_a_target(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    with today_is():
        page = client.get(
            "/analytics/goals/new",
            params={
                "metric": "mqls",
                "starts_on": "2024-03-01",
                "ends_on": "2024-03-31",
                "suggest": "1",
            },
        )
    assert page.status_code == 200
    assert _testid(page.text, "suggested") == "7"
    assert 'name="target" inputmode="decimal" required value="7.0"' in page.text
    assert "least squares" in page.text


def test_a_rep_sees_goals_but_no_form(anon_client: TestClient, db: Session) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    client = sign_in(anon_client, rep)
    assert client.get("/analytics/goals").status_code == 200
    assert "New goal" not in client.get("/analytics/goals").text
    assert client.get("/analytics/goals/new").status_code == 403


def test_the_plan_page_and_its_sla_draft(client: TestClient, db: Session) -> None:
    seed_funnel_history(db)
    values = {
        "target_metric": "revenue",
        "target": "30000",
        "starts_on": "2024-04-01",
        "ends_on": "2024-04-30",
        "history_months": "3",
        "segment": "",
    }
    with today_is():
        page = client.get("/analytics/plan", params=values)
        needed = re.findall(r'data-testid="needed">([^<]+)<', page.text)
        assert needed == ["29", "23", "17", "11", "8", "5"]
        drafted = client.post(
            "/analytics/plan/sla-draft",
            data={**values, "csrf_token": csrf_of(client)},
            follow_redirects=False,
        )
    assert drafted.status_code == 303 and drafted.headers["location"] == "/sla/versions"
    [draft] = sla_service.list_versions(db)
    assert draft.status == "draft" and draft.terms[-1]["count"] == 24


def test_the_kpi_dashboard(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    with today_is():
        page = client.get("/analytics/kpis", params={"start": "2024-01-01", "end": "2024-02-29"})
        bad = client.get("/analytics/kpis", params={"start": "2024-03-01", "end": "2024-02-01"})
    assert page.status_code == 200
    card = re.search(r'data-metric="mqls".*?data-testid="kpi-value">([^<]+)<', page.text, re.S)
    assert card and card.group(1).strip() == "10"
    assert page.text.count('class="spark"') >= 4
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text

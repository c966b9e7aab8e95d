"""The goals' pages: a goal made with the form (not JSON), its page with the pacing chart,
a suggested target in the form, the plan and its SLA draft, the KPI dashboard; the figures
on the pages are the API's."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
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
    card = re.search(r'data-metric="mqls".*?data-testid="kpi-value"[^>]*>([^<]+)<', page.text, re.S)
    assert card and card.group(1).strip() == "10"
    assert page.text.count('class="spark"') >= 4
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text


def _create(client: TestClient) -> int:
    created = client.post(
        "/analytics/goals", data={**FORM, "csrf_token": csrf_of(client)}, follow_redirects=False
    )
    assert created.status_code == 303, created.text
    return int(created.headers["location"].rsplit("/", 1)[1])


def _goal_entries(db: Session, goal_id: int) -> list[AuditEntry]:
    db.expire_all()
    return list(
        db.scalars(
            select(AuditEntry)
            .where(AuditEntry.subject_type == "goal", AuditEntry.subject_id == str(goal_id))
            .order_by(AuditEntry.id)
        )
    )


def test_a_goal_edited_with_the_form_is_saved_and_audited(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    with today_is():
        goal_id = _create(client)
        form = client.get(f"/analytics/goals/{goal_id}/edit")
        edited = {
            **FORM,
            "target": "12",
            "ends_on": "2024-04-30",
            "owner_teams": ["sales"],
            "segment": '{"field": "contact.country", "op": "eq", "value": "DE"}',
        }
        saved = client.post(
            f"/analytics/goals/{goal_id}",
            data={**edited, "csrf_token": csrf_of(client)},
            follow_redirects=False,
        )
        api = client.get(f"/api/v1/goals/{goal_id}").json()
    # The form shows the goal as saved.
    assert form.status_code == 200
    assert 'value="March MQLs"' in form.text and 'value="2024-03-31"' in form.text
    assert 'value="marketing" checked' in form.text and 'value="10"' in form.text
    assert saved.status_code == 303, saved.text[saved.text.find("alert") :][:600]
    assert saved.headers["location"] == f"/analytics/goals/{goal_id}"
    assert (api["target"], api["ends_on"], api["owner_teams"]) == (12, "2024-04-30", ["sales"])
    assert api["segment"] == {"field": "contact.country", "op": "eq", "value": "DE"}
    created, changed = _goal_entries(db, goal_id)
    assert created.action == changed.action == "goal.changed"
    assert changed.changes == {
        "target": [10.0, 12.0],
        "ends_on": ["2024-03-31", "2024-04-30"],
        "owner_teams": [["marketing", "sales"], ["sales"]],
        "segment": [None, '{"field": "contact.country", "op": "eq", "value": "DE"}'],
    }
    assert (
        changed.summary
        == f"Goal #{goal_id} March MQLs edited: ends_on, target, owner_teams, segment"
    )
    assert created.changes["target"] == [None, 10.0]


def test_a_refused_edit_keeps_the_form_and_changes_nothing(client: TestClient, db: Session) -> None:
    db.commit()
    goal_id = _create(client)
    refused = client.post(
        f"/analytics/goals/{goal_id}",
        data={**FORM, "target": "12", "ends_on": "2024-02-01", "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    unchanged = client.post(
        f"/analytics/goals/{goal_id}",
        data={**FORM, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    api = client.get(f"/api/v1/goals/{goal_id}").json()
    assert refused.status_code == 422
    assert "ends_on" in refused.text and 'value="12"' in refused.text
    assert (api["target"], api["ends_on"]) == (10, "2024-03-31")
    # Saving the goal as it is records nothing: the trail holds its creation only.
    assert unchanged.status_code == 303
    assert [e.changes["name"] for e in _goal_entries(db, goal_id)] == [[None, "March MQLs"]]


def test_only_managers_edit_goals(client: TestClient, db: Session, app) -> None:  # type: ignore[no-untyped-def]
    goal_id = _create(client)
    rep_user = make_user(db, role="sales_rep", team="sales")
    db.commit()
    rep = sign_in(TestClient(app, base_url="http://testserver"), rep_user)
    assert rep.get(f"/analytics/goals/{goal_id}/edit").status_code == 403
    assert "Edit goal" not in rep.get(f"/analytics/goals/{goal_id}").text

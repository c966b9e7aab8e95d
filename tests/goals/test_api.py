"""The goals API: CRUD with progress, suggestion, plan (and its SLA draft), the KPIs, CSV
exports; who may set goals; refusals are 422s naming the field."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.conftest import make_user, sign_in
from tests.goals.factories import seed_funnel_history, seed_mqls, today_is

GOAL = {
    "name": "March MQLs",
    "metric": "mqls",
    "target": 10,
    "starts_on": "2024-03-01",
    "ends_on": "2024-03-31",
    "owner_teams": ["marketing", "sales"],
}
PLAN: dict[str, str | int] = {
    "target_metric": "revenue",
    "target": 30000,
    "starts_on": "2024-04-01",
    "ends_on": "2024-04-30",
    "history_months": 3,
}


def test_create_read_change_and_delete_a_goal(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    with today_is():
        created = client.post("/api/v1/goals", json=GOAL)
        assert created.status_code == 201, created.text
        goal = created.json()
        assert goal["progress"]["value"] == 2 and goal["progress"]["projected"] == 6.2
        assert goal["progress"]["status"] == "behind"
        assert len(goal["progress"]["series"]) == 8
        progress = client.get(f"/api/v1/goals/{goal['id']}/progress").json()
        assert progress == goal["progress"]
        changed = client.put(f"/api/v1/goals/{goal['id']}", json={**GOAL, "target": 6})
        assert changed.json()["progress"]["status"] == "on_track"
        listed = client.get("/api/v1/goals").json()
        assert [g["id"] for g in listed] == [goal["id"]] and listed[0]["progress"]["series"] == []
        exported = client.get("/api/v1/goals.csv")
        rows = list(csv.DictReader(io.StringIO(exported.text)))
        assert (rows[0]["value"], rows[0]["projected"], rows[0]["status"]) == (
            "2.0",
            "6.2",
            "on_track",
        )
        assert client.delete(f"/api/v1/goals/{goal['id']}").status_code == 204
        assert client.get(f"/api/v1/goals/{goal['id']}").status_code == 404


def test_refusals_name_the_field(client: TestClient, db: Session) -> None:
    db.commit()
    bad_dates = client.post("/api/v1/goals", json={**GOAL, "ends_on": "2024-02-01"})
    assert bad_dates.status_code == 422
    percent = client.post("/api/v1/goals", json={**GOAL, "metric": "win_rate", "target": 101})
    assert percent.status_code == 422
    segment = client.post(
        "/api/v1/goals", json={**GOAL, "segment": {"field": "nope", "op": "eq", "value": "x"}}
    )
    assert segment.status_code == 422
    no_team = client.post("/api/v1/goals", json={**GOAL, "owner_teams": []})
    assert no_team.status_code == 422
    not_json = client.get(
        "/api/v1/goals/suggestion",
        params={
            "metric": "mqls",
            "starts_on": "2024-03-01",
            "ends_on": "2024-03-31",
            "segment": "{",
        },
    )
    assert not_json.status_code == 422
    far = client.get("/api/v1/goals/kpis", params={"start": "0001-01-01", "end": "0001-02-01"})
    assert far.status_code == 422


def test_everyone_reads_goals_only_managers_set_them(anon_client: TestClient, db: Session) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    manager = make_user(db, role="sales_manager", team="sales")
    db.commit()
    client = sign_in(anon_client, rep)
    assert client.post("/api/v1/goals", json=GOAL).status_code == 403
    assert client.get("/api/v1/goals").status_code == 200
    client = sign_in(anon_client, manager)
    assert client.post("/api/v1/goals", json=GOAL).status_code == 201


def test_a_suggestion_in_the_api(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    with today_is():
        found = client.get(
            "/api/v1/goals/suggestion",
            params={"metric": "mqls", "starts_on": "2024-03-01", "ends_on": "2024-03-31"},
        ).json()
    assert (found["comfortable"], found["suggested"], found["stretch"]) == (5, 7, 8)
    assert [p["value"] for p in found["trailing"]] == [3, 4, 6]


def test_a_plan_its_csv_and_its_sla_draft(client: TestClient, db: Session) -> None:
    seed_funnel_history(db)
    with today_is():
        plan = client.get("/api/v1/goals/plan", params=PLAN).json()
        assert [s["needed"] for s in plan["stages"]] == [29, 23, 17, 11, 8, 5]
        exported = client.get("/api/v1/goals/plan.csv", params=PLAN)
        rows = list(csv.DictReader(io.StringIO(exported.text)))
        assert [(r["stage"], r["needed"], r["by"]) for r in rows][:2] == [
            ("lead", "29", "2024-03-15"),
            ("mql", "23", "2024-03-18"),
        ]
        drafted = client.post("/api/v1/goals/plan/sla-draft", json=PLAN)
        assert drafted.status_code == 201, drafted.text
        assert (drafted.json()["mql_volume"], drafted.json()["period"]) == (24, "month")
        version = client.get(f"/api/v1/sla/versions/{drafted.json()['version_id']}").json()
    assert version["status"] == "draft"
    assert {"key": "mql_volume", "kind": "mql_volume", "count": 24, "period": "month"} in [
        {k: t[k] for k in ("key", "kind", "count", "period") if k in t} for t in version["terms"]
    ]


def test_a_plan_for_a_segment_in_the_query(client: TestClient, db: Session) -> None:
    seed_funnel_history(db)
    segment = json.dumps({"field": "contact.country", "op": "eq", "value": "FR"})
    with today_is():
        plan = client.get(
            "/api/v1/goals/plan",
            params={**PLAN, "target_metric": "new_customers", "target": 1, "segment": segment},
        ).json()
    assert plan["complete"] is False and plan["segment"]["value"] == "FR"


def test_the_kpis_and_their_csv(client: TestClient, db: Session) -> None:
    seed_mqls(db)
    q = {"start": "2024-01-01", "end": "2024-02-29"}
    with today_is():
        report = client.get("/api/v1/goals/kpis", params=q).json()
        exported = client.get("/api/v1/goals/kpis.csv", params=q)
    cards = {c["metric"]: c for c in report["cards"]}
    assert (cards["mqls"]["value"], cards["mqls"]["previous"]) == (10, 3)
    rows = {r["metric"]: r for r in csv.DictReader(io.StringIO(exported.text))}
    assert rows["mqls"]["value"] == "10.0" and rows["win_rate"]["value"] == ""
    assert len(client.get("/api/v1/goals/metrics").json()) == 9

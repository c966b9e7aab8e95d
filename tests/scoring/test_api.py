"""Scoring over real HTTP: 422 naming the wrong rule part, the breakdown, permissions."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.core.jobs import Job
from tests.conftest import csrf_of, make_user, sign_in
from tests.contacts.factories import make_contact

DEMO = {"name": "Demo", "kind": "behaviour", "points": 40, "event": {"types": ["demo_requested"]}}


def test_a_bad_rule_is_a_422_naming_it_and_saves_nothing(client: TestClient, db: Session) -> None:
    bad = {
        "name": "x",
        "kind": "fit",
        "points": 5,
        "when": {"field": "contact.job_title", "op": "sounds_like", "value": "VP"},
    }
    response = client.post(
        "/api/v1/scoring/models", json={"name": "Engagement", "rules": [DEMO, bad]}
    )
    assert response.status_code == 422
    fields = [".".join(e["loc"][1:]) for e in response.json()["detail"]]
    assert fields == ["rules.1.when.op"]
    assert client.get("/api/v1/scoring/models").json() == []


def test_a_touch_through_the_api_scores_and_explains(client: TestClient, db: Session) -> None:
    created = client.post(
        "/api/v1/scoring/models", json={"name": "Engagement", "rules": [DEMO], "is_primary": True}
    )
    assert created.status_code == 201
    assert db.query(Job).filter(Job.kind == "scoring.rescore").count() == 1
    contact = make_contact(db)
    db.commit()
    touched = client.post(f"/api/v1/contacts/{contact.id}/touches", json={"type": "demo_requested"})
    assert touched.status_code == 201, touched.text
    body = client.get(f"/api/v1/contacts/{contact.id}/scores").json()
    model = body["models"][0]
    assert (model["model"], model["total"], model["stored_total"]) == ("Engagement", 40, 40)
    assert model["rules"][0]["occurrences"] == 1
    assert client.get(f"/api/v1/contacts/{contact.id}").json()["score"] == 40


def test_mql_criteria_round_trip_with_words(client: TestClient) -> None:
    response = client.put(
        "/api/v1/scoring/criteria/mql",
        json={"condition": {"touched": {"types": ["demo_requested"]}}},
    )
    assert response.status_code == 200
    assert response.json()["description"] == "touched demo_requested"
    assert client.get("/api/v1/scoring/criteria/sql").status_code == 404
    bad = client.put(
        "/api/v1/scoring/criteria/mql",
        json={"condition": {"field": "score.999", "op": "gte", "value": 1}},
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "condition", "field"]


def test_a_sales_rep_may_not_edit_scoring(anon_client: TestClient, db: Session) -> None:
    rep = make_user(db, role="sales_rep")
    db.commit()
    sign_in(anon_client, rep)
    assert (
        anon_client.post("/api/v1/scoring/models", json={"name": "x", "rules": []}).status_code
        == 403
    )
    # The page is a read-only view for them: the definitions, the forms disabled, who can.
    page = anon_client.get("/settings/scoring")
    assert page.status_code == 200
    assert "Only admins and marketing ops can change this." in page.text
    assert 'fieldset class="bare" disabled' in page.text
    saved = anon_client.post(
        "/settings/scoring/criteria/mql",
        data={"condition": '{"field": "grade", "op": "eq", "value": "A"}', "action": "save"},
        headers={"X-CSRF-Token": csrf_of(anon_client)},
    )
    assert saved.status_code == 403


def test_unknown_contact_scores_are_404(client: TestClient) -> None:
    assert client.get("/api/v1/contacts/999999/scores").status_code == 404


def test_an_unchanged_put_keeps_the_version_and_queues_no_rescore(
    client: TestClient, db: Session
) -> None:
    model = {"name": "Engagement", "rules": [DEMO], "half_life_days": 30}
    created = client.post("/api/v1/scoring/models", json=model).json()
    criteria = {"condition": {"touched": {"types": ["demo_requested"]}}}
    assert client.put("/api/v1/scoring/criteria/mql", json=criteria).json()["version"] == 1
    rescores = db.query(Job).filter(Job.kind == "scoring.rescore").count()

    again = client.put(f"/api/v1/scoring/models/{created['id']}", json=model)
    assert (again.status_code, again.json()["version"]) == (200, 1)
    assert client.put("/api/v1/scoring/criteria/mql", json=criteria).json()["version"] == 1
    assert db.query(Job).filter(Job.kind == "scoring.rescore").count() == rescores

    changed = client.put(
        f"/api/v1/scoring/models/{created['id']}", json={**model, "half_life_days": 60}
    )
    assert changed.json()["version"] == 2

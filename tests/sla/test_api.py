"""The SLA's JSON API: drafting and signing, precise errors, calendars, compliance, clocks."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.sla.factories import activate, hand_off

TERMS = [{"key": "first_touch", "kind": "first_touch", "hours": 4}]


def test_draft_and_sign_over_the_api(anon_client: TestClient, db: Session) -> None:
    marketer = make_user(db, role="marketing_ops", team="marketing")
    manager = make_user(db, role="sales_manager", team="sales")
    sign_in(anon_client, marketer)
    bad = anon_client.post(
        "/api/v1/sla/versions",
        json={"title": "SLA", "terms": [{"key": "x", "kind": "first_touch", "hours": "4"}]},
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "terms[0]", "hours"]
    created = anon_client.post("/api/v1/sla/versions", json={"title": "SLA", "terms": TERMS})
    assert created.status_code == 201, created.text
    version_id = created.json()["id"]
    signed = anon_client.post(
        f"/api/v1/sla/versions/{version_id}/signatures", json={"side": "marketing"}
    )
    assert signed.json()["status"] == "draft"
    assert [s["side"] for s in signed.json()["signatures"]] == ["marketing"]
    unchanged = anon_client.put(
        f"/api/v1/sla/versions/{version_id}", json={"title": "SLA", "terms": TERMS}
    )
    assert [s["side"] for s in unchanged.json()["signatures"]] == ["marketing"]
    sign_in(anon_client, manager)
    active = anon_client.post(
        f"/api/v1/sla/versions/{version_id}/signatures", json={"side": "sales"}
    )
    assert active.json()["status"] == "active"
    again = anon_client.put(
        f"/api/v1/sla/versions/{version_id}", json={"title": "Changed", "terms": TERMS}
    )
    assert again.status_code == 409


def test_calendars_and_compliance_and_clocks(client: TestClient, db: Session, admin: User) -> None:
    saved = client.put(
        "/api/v1/sla/calendars/team:sales",
        json={
            "time_zone": "Europe/Berlin",
            "hours": {"mon": ["09:00", "18:00"]},
            "holidays": ["2026-12-25"],
        },
    )
    assert saved.status_code == 200, saved.text
    wrong = client.put(
        "/api/v1/sla/calendars/team:sales", json={"time_zone": "Moon/Base", "hours": {}}
    )
    assert wrong.status_code == 422 and "time_zone" in wrong.text
    assert client.put("/api/v1/sla/calendars/planet:mars", json={}).status_code == 422
    activate(db, TERMS)
    contact = make_contact(db)
    hand_off(db, contact.id, admin.id)
    clocks = client.get(f"/api/v1/contacts/{contact.id}/sla-clocks").json()
    assert [(c["term_key"], c["state"]) for c in clocks] == [("first_touch", "running")]
    assert clocks[0]["events"][0]["kind"] == "started"
    rows = client.get(
        "/api/v1/sla/compliance",
        params={"start": "2000-01-01T00:00:00Z", "end": "2100-01-01T00:00:00Z"},
    ).json()
    assert any(r["key"] == "first_touch" and r["open"] >= 1 for r in rows)
    backwards = client.get(
        "/api/v1/sla/compliance",
        params={"start": "2100-01-01T00:00:00Z", "end": "2000-01-01T00:00:00Z"},
    )
    assert backwards.status_code == 422


def test_compliance_is_grouped_by_one_of_the_documented_ways(
    client: TestClient, db: Session, admin: User
) -> None:
    activate(db, TERMS)
    hand_off(db, make_contact(db).id, admin.id)
    period = {"start": "2000-01-01T00:00:00Z", "end": "2100-01-01T00:00:00Z"}
    spec = client.get("/api/v1/openapi.json").json()
    [by] = [
        p for p in spec["paths"]["/api/v1/sla/compliance"]["get"]["parameters"] if p["name"] == "by"
    ]
    ways = spec["components"]["schemas"][by["schema"]["$ref"].rsplit("/", 1)[1]]["enum"]
    assert ways == ["term", "owner", "team"]
    for way in ways:
        rows = client.get("/api/v1/sla/compliance", params={**period, "by": way}).json()
        assert rows and all(row["by"] == way for row in rows)
    owners = client.get("/api/v1/sla/compliance", params={**period, "by": "owner"}).json()
    assert [row["key"] for row in owners] == [admin.id]
    assert client.get("/api/v1/sla/compliance", params={**period, "by": "rep"}).status_code == 422

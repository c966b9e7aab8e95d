"""The tracking API over HTTP: configuration, and the events batch."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Contact, Touch
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.tokens import token_client
from tests.tracking.factories import ORIGIN, THANKS, make_site


def _event(n: int, **overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "webinar_attended",
        "idempotency_key": f"evt-{n}",
        "email": "wile@acme-rockets.example",
        "occurred_at": "2026-03-01T10:00:00Z",
        "properties": {"webinar": "Rockets 101"},
    }
    event.update(overrides)
    return event


def _touch_count(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Touch)) or 0


def test_a_batch_is_stored_once_however_often_it_is_retried(
    client: TestClient, db: Session
) -> None:
    make_contact(db, email="wile@acme-rockets.example")
    db.commit()
    batch = {"events": [_event(n) for n in range(20)]}
    first = client.post("/api/v1/events", json=batch)
    assert first.status_code == 200, first.text
    assert first.json() == {"stored": 20, "duplicates": 0, "contacts_created": 0, "failed": []}
    before = _touch_count(db)

    retried = client.post("/api/v1/events", json=batch)

    assert retried.json() == {"stored": 0, "duplicates": 20, "contacts_created": 0, "failed": []}
    assert _touch_count(db) == before


def test_failed_events_are_reported_by_index_and_the_rest_stored(
    client: TestClient, db: Session
) -> None:
    make_contact(db, email="wile@acme-rockets.example")
    db.commit()
    events = [
        _event(0),
        _event(1, type="no_such_type"),
        _event(2, email="not-an-email"),
        _event(3, idempotency_key=""),
        _event(4, email="stranger@nowhere.example", type="product_login", properties={}),
        _event(5, occurred_at="yesterday"),
        _event(6, type="quote_requested", properties={"seats": "many"}),
        "not an object",
        _event(8, email=None, contact_id=10**9),
        _event(9),
    ]
    response = client.post("/api/v1/events", json={"events": events})
    body = response.json()
    assert response.status_code == 200
    assert body["stored"] == 2
    assert [f["index"] for f in body["failed"]] == [1, 2, 3, 4, 5, 6, 7, 8]
    reasons = {f["index"]: f["reason"] for f in body["failed"]}
    assert "type" in reasons[1] and "email" in reasons[2] and "seats" in reasons[6]


def test_unknown_emails_create_contacts_only_when_the_event_type_says_so(
    client: TestClient, db: Session
) -> None:
    events = [
        _event(1, type="demo_requested", email="New.Lead@Globex.example", properties={}),
        _event(2, type="demo_requested", email="new.lead@globex.example", properties={}),
        _event(3, type="product_login", email="ghost@globex.example", properties={}),
    ]
    body = client.post("/api/v1/events", json={"events": events}).json()
    assert body["stored"] == 2 and body["contacts_created"] == 1
    assert [f["index"] for f in body["failed"]] == [2]
    created = db.scalar(select(Contact).where(Contact.email == "new.lead@globex.example"))
    assert created is not None
    assert db.scalar(select(Contact).where(Contact.email == "ghost@globex.example")) is None


def test_a_batch_over_5000_events_is_refused_whole(client: TestClient, db: Session) -> None:
    response = client.post("/api/v1/events", json={"events": [_event(n) for n in range(5001)]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "events"]
    assert _touch_count(db) == 0


def test_a_body_that_is_not_a_batch_is_refused_with_the_reason(
    client: TestClient, db: Session
) -> None:
    make_contact(db, email="wile@acme-rockets.example")
    db.commit()
    cases = [
        (b'{"events": [', "not JSON"),
        (b'[{"type": "webinar_attended"}]', "required"),
        (b'{"event": []}', "required"),
    ]
    for body, reason in cases:
        response = client.post(
            "/api/v1/events", content=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422, body
        assert response.json()["detail"][0]["loc"] == ["body", "events"]
        assert response.json()["detail"][0]["msg"] == reason
    assert _touch_count(db) == 0


def test_only_roles_that_may_ingest_send_events(anon_client: TestClient, db: Session) -> None:
    assert anon_client.post("/api/v1/events", json={"events": []}).status_code == 401
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    sign_in(anon_client, rep)
    assert anon_client.post("/api/v1/events", json={"events": []}).status_code == 403


def test_the_public_site_key_reads_nothing(anon_client: TestClient, db: Session) -> None:
    site = make_site(db)
    # A real id in every path, so a route that leaked would answer 200, not 404.
    contact = make_contact(db)
    db.commit()
    key = site.site_key
    spec = anon_client.get("/api/v1/openapi.json").json()
    paths = [p for p, item in spec["paths"].items() if "get" in item]
    assert len(paths) > 10
    for path in paths:
        response = anon_client.get(
            re.sub(r"\{[^}]+\}", str(contact.id), path),
            params={"site_key": key, "k": key},
            headers={"Authorization": f"Bearer {key}", "X-Site-Key": key, "Origin": ORIGIN},
        )
        assert response.status_code == 401, (path, response.status_code)


def test_sites_and_forms_are_configured_over_the_api(client: TestClient) -> None:
    site = client.post(
        "/api/v1/tracking/sites",
        json={"name": "Main", "allowed_origins": [ORIGIN + "/"], "allowed_redirects": [THANKS]},
    )
    assert site.status_code == 201, site.text
    assert site.json()["allowed_origins"] == [ORIGIN]
    assert site.json()["site_key"].startswith("site_")
    bad_origin = client.post(
        "/api/v1/tracking/sites", json={"name": "x", "allowed_origins": [ORIGIN + "/path"]}
    )
    assert bad_origin.status_code == 422
    form = {
        "site_id": site.json()["id"],
        "name": "Demo",
        "fields": [{"name": "email", "label": "Email", "type": "email", "required": True}],
        "thank_you_url": "https://evil.example/",
    }
    refused = client.post("/api/v1/tracking/forms", json=form)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "thank_you_url"]
    created = client.post("/api/v1/tracking/forms", json={**form, "thank_you_url": THANKS})
    assert created.status_code == 201, created.text
    # The allowlist cannot drop a URL a form still sends people to.
    stranded = client.patch(
        f"/api/v1/tracking/sites/{site.json()['id']}", json={"allowed_redirects": []}
    )
    assert stranded.status_code == 422


def test_event_types_are_a_registry(client: TestClient) -> None:
    names = {t["name"] for t in client.get("/api/v1/tracking/event-types").json()}
    assert {"page_view", "form_submitted", "demo_requested", "seats_installed"} <= names
    created = client.post(
        "/api/v1/tracking/event-types",
        json={
            "name": "contract_signed",
            "label": "Contract signed",
            "category": "sales",
            "properties_schema": {
                "properties": {"value": {"type": "number"}},
                "required": ["value"],
            },
        },
    )
    assert created.status_code == 201, created.text
    duplicate = client.post(
        "/api/v1/tracking/event-types",
        json={"name": "contract_signed", "label": "Again", "category": "sales"},
    )
    assert duplicate.status_code == 409
    bad = client.post(
        "/api/v1/tracking/event-types",
        json={
            "name": "bad_schema",
            "label": "Bad",
            "category": "sales",
            "properties_schema": {"properties": {"x": {"type": "date"}}},
        },
    )
    assert bad.status_code == 422
    # Touch properties are flat: a type cannot ask for an object.
    nested = client.post(
        "/api/v1/tracking/event-types",
        json={
            "name": "nested_schema",
            "label": "Nested",
            "category": "sales",
            "properties_schema": {"properties": {"utm": {"type": "object"}}},
        },
    )
    assert nested.status_code == 422
    assert ["body", "properties_schema", "properties", "utm"] in [
        problem["loc"] for problem in nested.json()["detail"]
    ], nested.text


def _ingest_client(app: Any, db: Session, owner: User, name: str) -> TestClient:
    """A client sending with an ingest token of its own (one integration)."""
    return token_client(app, db, owner, ["ingest"], name=name)


def test_idempotency_keys_belong_to_their_sender_and_a_changed_replay_conflicts(
    app: Any, db: Session
) -> None:
    make_contact(db, email="wile@acme-rockets.example")
    # Two integrations one person set up: each token is a sender of its own.
    owner = make_user(db, role="marketing_ops", team="marketing", password=None)
    webinars = _ingest_client(app, db, owner, "webinar platform")
    billing = _ingest_client(app, db, owner, "billing")
    attended = _event(1)
    quoted = _event(1, type="quote_requested", properties={"seats": 12})

    assert webinars.post("/api/v1/events", json={"events": [attended]}).json()["stored"] == 1
    # The same key from another integration is another event.
    other = billing.post("/api/v1/events", json={"events": [quoted]}).json()
    assert other["stored"] == 1 and other["duplicates"] == 0
    # The same key and payload from the same sender: a duplicate, answered as before.
    again = webinars.post("/api/v1/events", json={"events": [attended]}).json()
    assert again == {"stored": 0, "duplicates": 1, "contacts_created": 0, "failed": []}
    # The same key with a different payload from the same sender: refused, not swallowed.
    changed = {**attended, "properties": {"webinar": "Rockets 201"}}
    answer = webinars.post("/api/v1/events", json={"events": [_event(2), changed]})
    assert answer.status_code == 200
    body = answer.json()
    assert body["stored"] == 1 and body["duplicates"] == 0
    [conflict] = body["failed"]
    assert conflict["index"] == 1 and conflict["code"] == "idempotency_conflict"
    assert conflict["idempotency_key"] == "evt-1"
    assert conflict["stored_fingerprint"] == _fingerprint(attended)
    assert conflict["fingerprint"] == _fingerprint(changed)
    kinds = db.scalars(
        select(Touch.type).where(Touch.type.in_(["webinar_attended", "quote_requested"]))
    )
    assert sorted(kinds) == ["quote_requested", "webinar_attended", "webinar_attended"]


def _fingerprint(event: dict[str, Any]) -> str:
    """What the README says the fingerprint is: sha256 of the event as canonical JSON."""
    canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def test_a_null_for_a_field_a_site_or_an_event_type_needs_is_a_422_naming_it(
    client: TestClient,
) -> None:
    site = client.post("/api/v1/tracking/sites", json={"name": "Main"}).json()
    for field in ("name", "allowed_origins", "allowed_redirects"):
        answer = client.patch(f"/api/v1/tracking/sites/{site['id']}", json={field: None})
        assert answer.status_code == 422, field
        assert answer.json()["detail"][0]["loc"] == ["body", field]
    event_type = client.get("/api/v1/tracking/event-types").json()[0]
    answer = client.patch(f"/api/v1/tracking/event-types/{event_type['id']}", json={"label": None})
    assert answer.json()["detail"][0]["loc"] == ["body", "label"]

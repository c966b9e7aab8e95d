"""Personal API tokens: shown once, stored hashed, scoped, revocable, last use recorded."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import ApiToken, User
from huddle.core.clock import FrozenClock
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact


def _issue(client: TestClient, *scopes: str) -> dict:  # type: ignore[type-arg]
    response = client.post("/api/v1/tokens", json={"name": "script", "scopes": list(scopes)})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _bearer(app, secret: str) -> TestClient:  # type: ignore[no-untyped-def]
    client = TestClient(app, base_url="http://testserver")
    client.headers["Authorization"] = f"Bearer {secret}"
    return client


def test_the_secret_is_shown_once_and_stored_only_as_a_hash(
    client: TestClient, db: Session
) -> None:
    issued = _issue(client, "read")
    secret = issued["token"]
    assert secret.startswith("hud_") and len(secret) > 40
    row = db.scalar(select(ApiToken).where(ApiToken.id == issued["id"]))
    assert row is not None
    assert row.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(vars(row).values())
    listed = client.get("/api/v1/tokens").json()
    assert [t["id"] for t in listed] == [issued["id"]]
    assert "token" not in listed[0]
    assert listed[0]["prefix"] == secret[:12]


def test_a_read_token_reads_but_cannot_write(app, client: TestClient, db: Session) -> None:  # type: ignore[no-untyped-def]
    reader = _bearer(app, _issue(client, "read")["token"])
    assert reader.get("/api/v1/contacts").status_code == 200
    refused = reader.post("/api/v1/contacts", json={"email": "w@x.example"})
    assert refused.status_code == 403
    assert (
        reader.post("/api/v1/touches", json={"type": "page_view", "visitor_id": "v1"}).status_code
        == 403
    )


def test_a_write_token_writes_without_a_csrf_header(app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    writer = _bearer(app, _issue(client, "write")["token"])
    assert writer.post("/api/v1/contacts", json={"email": "w@x.example"}).status_code == 201
    assert writer.get("/api/v1/contacts").status_code == 200


def test_an_ingest_token_only_sends_touches(app, client: TestClient, db: Session) -> None:  # type: ignore[no-untyped-def]
    contact = make_contact(db)
    db.commit()
    ingest = _bearer(app, _issue(client, "ingest")["token"])
    sent = ingest.post("/api/v1/touches", json={"type": "page_view", "contact_id": contact.id})
    assert sent.status_code == 201
    assert ingest.get("/api/v1/contacts").status_code == 403
    assert ingest.get(f"/api/v1/touches/{sent.json()['id']}").status_code == 403
    assert ingest.post("/api/v1/contacts", json={"email": "w@x.example"}).status_code == 403


def test_a_token_has_no_more_than_its_owners_role(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    product = make_user(db, role="product", team="product")
    db.commit()
    own = sign_in(TestClient(app, base_url="http://testserver"), product)
    writer = _bearer(app, _issue(own, "read", "write")["token"])
    assert writer.post("/api/v1/contacts", json={"email": "p@x.example"}).status_code == 403


def test_a_revoked_token_stops_working(app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    issued = _issue(client, "read")
    reader = _bearer(app, issued["token"])
    assert reader.get("/api/v1/me").status_code == 200
    assert client.delete(f"/api/v1/tokens/{issued['id']}").status_code == 204
    assert reader.get("/api/v1/me").status_code == 401
    listed = client.get("/api/v1/tokens").json()
    assert listed[0]["revoked_at"] is not None


def test_a_colleagues_token_cannot_be_revoked(app, client: TestClient, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    theirs = _issue(sign_in(TestClient(app, base_url="http://testserver"), rep), "read")
    admin_revokes = client.delete(f"/api/v1/tokens/{theirs['id']}")
    assert admin_revokes.status_code == 204  # an admin may
    other = make_user(db, role="sales_rep", team="sales")
    db.commit()
    mine = _issue(sign_in(TestClient(app, base_url="http://testserver"), rep), "read")
    stranger = sign_in(TestClient(app, base_url="http://testserver"), other)
    assert stranger.delete(f"/api/v1/tokens/{mine['id']}").status_code == 404


def test_an_unknown_token_is_401(app) -> None:  # type: ignore[no-untyped-def]
    assert _bearer(app, "hud_not-a-real-token").get("/api/v1/me").status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(
    app,
    client: TestClient,
    db: Session,
    frozen_clock: FrozenClock,  # type: ignore[no-untyped-def]
) -> None:
    issued = _issue(client, "read")
    reader = _bearer(app, issued["token"])
    reader.get("/api/v1/me")
    first = client.get("/api/v1/tokens").json()[0]["last_used_at"]
    assert first is not None
    frozen_clock.advance(timedelta(seconds=30))
    reader.get("/api/v1/me")
    assert client.get("/api/v1/tokens").json()[0]["last_used_at"] == first
    frozen_clock.advance(timedelta(seconds=31))
    reader.get("/api/v1/me")
    assert client.get("/api/v1/tokens").json()[0]["last_used_at"] != first


def test_tokens_page_shows_a_new_token_once_and_revokes(client: TestClient, admin: User) -> None:
    created = client.post("/account/tokens", data={"name": "Sync", "scopes": ["read", "ingest"]})
    assert created.status_code == 200
    assert "hud_" in created.text and "cannot show it again" in created.text
    page = client.get("/account")
    assert "Sync" in page.text
    assert created.text.count("hud_") > page.text.count("hud_")
    missing = client.post("/account/tokens", data={"name": "No scopes"})
    assert missing.status_code == 422

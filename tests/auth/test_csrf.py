"""CSRF: unsafe requests authenticated by the cookie must carry the page's token."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from tests.conftest import csrf_of
from tests.contacts.factories import make_contact


def _without_header(client: TestClient) -> TestClient:
    client.headers.pop("X-CSRF-Token", None)
    return client


def test_a_form_post_without_the_token_is_refused_and_changes_nothing(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db)
    db.commit()
    _without_header(client)
    response = client.post(f"/contacts/{contact.id}/notes", data={"body": "forged"})
    assert response.status_code == 403
    assert client.get(f"/api/v1/contacts/{contact.id}/timeline").status_code == 200
    timeline = client.get(f"/api/v1/contacts/{contact.id}/timeline").json()["items"]
    assert not [item for item in timeline if item["kind"] == "note"]


def test_a_form_post_with_a_wrong_token_is_refused(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    _without_header(client)
    response = client.post(
        f"/contacts/{contact.id}/notes", data={"body": "forged", "csrf_token": "guess"}
    )
    assert response.status_code == 403


def test_a_form_post_with_the_pages_token_goes_through(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    token = csrf_of(_without_header(client))
    response = client.post(
        f"/contacts/{contact.id}/notes",
        data={"body": "real", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_an_htmx_request_carries_the_token_in_a_header(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    token = csrf_of(_without_header(client))
    refused = client.post(
        f"/contacts/{contact.id}/notes", data={"body": "x"}, headers={"HX-Request": "true"}
    )
    assert refused.status_code == 403
    accepted = client.post(
        f"/contacts/{contact.id}/notes",
        data={"body": "x"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert accepted.status_code == 200


def test_json_api_calls_signed_in_by_cookie_need_the_header(client: TestClient) -> None:
    _without_header(client)
    assert client.post("/api/v1/contacts", json={"email": "a@b.example"}).status_code == 403
    token = csrf_of(client)
    created = client.post(
        "/api/v1/contacts", json={"email": "a@b.example"}, headers={"X-CSRF-Token": token}
    )
    assert created.status_code == 201


def test_every_page_form_carries_the_token(client: TestClient, db: Session, admin: User) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    db.commit()
    for url in (f"/contacts/{contact.id}", "/imports", "/account", "/settings/users", "/contacts"):
        page = client.get(url).text
        forms = page.count('method="post"')
        assert forms, url
        assert page.count('name="csrf_token"') >= forms, url


def test_the_token_changes_at_sign_in(anon_client: TestClient, admin: User) -> None:
    from tests.conftest import sign_in

    before = csrf_of(anon_client)
    sign_in(anon_client, admin)
    assert csrf_of(anon_client) != before

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth.models import User
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact

API = "/api/v1"


def _move(client: TestClient, db: Session) -> int:
    contact = make_contact(db, lifecycle_stage="mql")
    db.commit()
    response = client.post(
        f"{API}/contacts/{contact.id}/stage",
        json={"to_stage": "sal"},
        headers={"User-Agent": "audit-test-agent/1.0"},
    )
    assert response.status_code == 200, response.text
    return contact.id


def test_the_trail_lists_a_change_made_over_http_with_its_origin(
    client: TestClient, db: Session, admin: User
) -> None:
    contact_id = _move(client, db)

    response = client.get(
        f"{API}/audit", params={"subject_type": "contact", "subject_id": contact_id}
    )

    assert response.status_code == 200, response.text
    [entry] = response.json()["items"]
    assert entry["action"] == "contact.stage_changed"
    assert entry["actor_user_id"] == admin.id
    assert entry["user_agent"] == "audit-test-agent/1.0"
    assert entry["ip"]  # the test client's address
    one = client.get(f"{API}/audit/{entry['id']}")
    assert one.status_code == 200 and one.json() == entry


def test_filters_and_pages(client: TestClient, db: Session, admin: User) -> None:
    for _ in range(3):
        _move(client, db)

    first = client.get(f"{API}/audit", params={"action": "contact.stage_changed", "limit": 2})
    body = first.json()
    assert len(body["items"]) == 2 and body["next_cursor"]
    rest = client.get(
        f"{API}/audit",
        params={"action": "contact.stage_changed", "limit": 2, "cursor": body["next_cursor"]},
    ).json()
    ids = [e["id"] for e in body["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) >= 3
    mine = client.get(f"{API}/audit", params={"actor_user_id": admin.id}).json()["items"]
    assert {e["actor_user_id"] for e in mine} == {admin.id}


def test_bad_input_is_422_naming_the_field(client: TestClient) -> None:
    assert client.get(f"{API}/audit", params={"since": "yesterday"}).status_code == 422
    assert client.get(f"{API}/audit", params={"limit": 0}).status_code == 422
    assert client.get(f"{API}/audit", params={"cursor": "xyz"}).status_code == 422
    orphan = client.get(f"{API}/audit", params={"subject_id": "4"})
    assert orphan.status_code == 422
    assert orphan.json()["detail"][0]["loc"][-1] == "subject_type"


def test_only_admins_and_compliance_read_the_trail(anon_client: TestClient, db: Session) -> None:
    assert anon_client.get(f"{API}/audit").status_code == 401
    rep = make_user(db, role="sales_rep", team="sales")
    officer = make_user(db, role="compliance", team="revops")
    db.commit()
    assert sign_in(anon_client, rep).get(f"{API}/audit").status_code == 403
    assert sign_in(anon_client, officer).get(f"{API}/audit").status_code == 200


def test_no_route_edits_or_deletes_the_trail(client: TestClient, db: Session) -> None:
    _move(client, db)
    entry_id = client.get(f"{API}/audit").json()["items"][0]["id"]

    for method in ("DELETE", "PATCH", "PUT", "POST"):
        on_list = client.request(method, f"{API}/audit", json={})
        on_entry = client.request(method, f"{API}/audit/{entry_id}", json={})
        assert on_list.status_code in (404, 405), method
        assert on_entry.status_code in (404, 405), method
    assert client.get(f"{API}/audit/{entry_id}").status_code == 200
    assert client.get(f"{API}/audit/999999999").status_code == 404


def test_the_database_refuses_to_delete_audit_rows(client: TestClient, db: Session) -> None:
    _move(client, db)
    db.commit()
    with pytest.raises(DatabaseError), db.begin_nested():
        db.execute(delete(AuditEntry))
    assert db.scalar(text("SELECT count(*) FROM audit_entries")) >= 1

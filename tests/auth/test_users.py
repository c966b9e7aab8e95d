"""User management (admins): API, Settings → Users page, events."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.events import UserAccessChanged
from huddle.auth.models import User
from huddle.core.events import DomainEvent
from tests.conftest import make_user
from tests.web.forms import submitted

API = "/api/v1/users"
NEW = {
    "email": "Rita.Rep@Huddle.example",
    "name": "Rita Rep",
    "team": "sales",
    "role": "sales_rep",
    "capacity": 80,
    "time_zone": "Europe/Berlin",
    "working_hours": {"tue": ["09:00", "17:00"], "mon": ["08:30", "16:30"]},
}


def test_an_admin_creates_a_user_with_their_working_pattern(
    client: TestClient, admin: User, published: list[DomainEvent]
) -> None:
    response = client.post(API, json={**NEW, "manager_id": admin.id})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["email"] == "rita.rep@huddle.example"
    assert body["working_hours"] == {"mon": ["08:30", "16:30"], "tue": ["09:00", "17:00"]}
    assert (body["capacity"], body["time_zone"], body["out_of_office"]) == (
        80,
        "Europe/Berlin",
        False,
    )
    assert body["manager_id"] == admin.id
    changed = [e for e in published if isinstance(e, UserAccessChanged)]
    assert len(changed) == 1
    assert changed[0].changes["role"] == [None, "sales_rep"]
    assert changed[0].actor.user_id == admin.id and changed[0].actor.role == "admin"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_zone", "Mars/Olympus"),
        ("time_zone", "europe/berlin"),
        ("working_hours", {"mon": ["17:00", "09:00"]}),
        ("working_hours", {"someday": ["09:00", "17:00"]}),
        ("working_hours", {"mon": ["9am", "5pm"]}),
        ("capacity", -1),
        ("role", "overlord"),
        ("team", "legal"),
    ],
)
def test_bad_input_names_the_field_and_creates_nothing(
    client: TestClient, field: str, value: object
) -> None:
    response = client.post(API, json={**NEW, field: value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][1] == field
    assert all(u["email"] != "rita.rep@huddle.example" for u in client.get(API).json())


def test_changing_role_and_team_is_an_access_change(
    client: TestClient, db: Session, published: list[DomainEvent]
) -> None:
    user = make_user(db, role="sales_rep", team="sales")
    db.commit()
    published.clear()
    response = client.patch(
        f"{API}/{user.id}", json={"role": "sales_manager", "out_of_office": True, "capacity": 10}
    )
    assert response.status_code == 200
    assert (response.json()["role"], response.json()["out_of_office"]) == ("sales_manager", True)
    changed = [e for e in published if isinstance(e, UserAccessChanged)]
    assert [e.changes for e in changed] == [{"role": ["sales_rep", "sales_manager"]}]
    # Capacity or hours alone are not access changes.
    client.patch(f"{API}/{user.id}", json={"capacity": 20})
    assert len([e for e in published if isinstance(e, UserAccessChanged)]) == 1


def test_deactivation_is_an_access_change_and_keeps_the_user_listed(
    client: TestClient, db: Session, published: list[DomainEvent]
) -> None:
    user = make_user(db, role="marketing")
    db.commit()
    published.clear()
    assert client.post(f"{API}/{user.id}/deactivate").json()["is_active"] is False
    assert [e.changes for e in published if isinstance(e, UserAccessChanged)] == [
        {"is_active": [True, False]}
    ]
    listed = {u["id"]: u for u in client.get(API).json()}
    assert listed[user.id]["is_active"] is False


def test_the_last_admin_cannot_demote_or_deactivate_themself(
    client: TestClient, admin: User, db: Session
) -> None:
    assert client.post(f"{API}/{admin.id}/deactivate").status_code == 422
    demoted = client.patch(f"{API}/{admin.id}", json={"role": "marketing"})
    assert demoted.status_code == 422
    assert demoted.json()["detail"][0]["loc"] == ["body", "role"]
    assert client.get("/api/v1/me").json()["role"] == "admin"


def test_a_manager_must_be_an_active_user(client: TestClient, db: Session) -> None:
    user = make_user(db, role="sales_rep", team="sales")
    db.commit()
    assert client.patch(f"{API}/{user.id}", json={"manager_id": user.id}).status_code == 422
    missing = client.patch(f"{API}/{user.id}", json={"manager_id": 999999})
    assert missing.json()["detail"][0]["loc"] == ["body", "manager_id"]


def test_an_unknown_user_is_404(client: TestClient) -> None:
    assert client.get(f"{API}/999999").status_code == 404
    assert client.patch(f"{API}/999999", json={"capacity": 1}).status_code == 404


def test_the_users_page_creates_and_edits_users(client: TestClient, db: Session) -> None:
    page = client.get("/settings/users")
    assert page.status_code == 200 and "New user" in page.text
    location = submitted(
        client,
        "/settings/users",
        {
            "email": "sam@huddle.example",
            "password": "long enough password",
            "name": "Sam Seller",
            "team": "sales",
            "role": "sales_rep",
            "time_zone": "America/New_York",
            "capacity": "40",
            "mon_start": "09:00",
            "mon_end": "17:00",
        },
    )
    assert location == "/settings/users"
    sam = next(u for u in client.get(API).json() if u["email"] == "sam@huddle.example")
    assert sam["working_hours"] == {"mon": ["09:00", "17:00"]}
    assert sam["capacity"] == 40
    edit = client.get(f"/settings/users/{sam['id']}")
    assert edit.status_code == 200 and "Sam Seller" in edit.text
    submitted(
        client,
        f"/settings/users/{sam['id']}",
        {
            "name": "Sam Seller",
            "team": "sales",
            "role": "sales_manager",
            "time_zone": "UTC",
            "out_of_office": "on",
            "is_active": "on",
        },
    )
    sam = client.get(f"{API}/{sam['id']}").json()
    assert (sam["role"], sam["out_of_office"], sam["working_hours"]) == ("sales_manager", True, {})
    bad = client.post(
        f"/settings/users/{sam['id']}",
        data={
            "name": "Sam",
            "team": "sales",
            "role": "sales_rep",
            "time_zone": "Nowhere/Land",
            "is_active": "on",
        },
    )
    assert bad.status_code == 422 and "unknown time zone" in bad.text


def test_a_sales_rep_gets_a_403_page_on_the_users_page(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import sign_in

    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    browser = sign_in(TestClient(app, base_url="http://testserver"), rep)
    page = browser.get("/settings/users")
    assert page.status_code == 403
    assert "Settings" not in browser.get("/").text.split("<main")[0]

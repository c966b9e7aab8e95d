"""``POST /api/v1/contacts/{id}/history``: a contact's past from another CRM, through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.core.events import DomainEvent
from huddle.lifecycle.events import StageChanged
from huddle.lifecycle.models import StageTransition
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact

API = "/api/v1"
PAST = {
    "created_at": "2024-01-02T09:15:00Z",
    "stages": [
        # In any order: recorded oldest first.
        {"stage": "customer", "at": "2024-01-24T10:00:00Z"},
        {"stage": "lead", "at": "2024-01-02T09:15:00Z"},
        {"stage": "mql", "at": "2024-01-10T11:00:00+01:00"},
    ],
    "source": "HubSpot",
}


def _transitions(db: Session, contact_id: int) -> int:
    query = select(func.count()).where(StageTransition.contact_id == contact_id)
    return db.scalar(query) or 0


def test_the_history_is_recorded_in_order_once_and_announced_to_nobody(
    client: TestClient, db: Session, published: list[DomainEvent]
) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    db.commit()

    response = client.post(f"{API}/contacts/{contact.id}/history", json=PAST)

    assert response.status_code == 200, response.text
    history = response.json()
    assert [(t["from_stage"], t["to_stage"], t["at"]) for t in history] == [
        (None, "lead", "2024-01-02T09:15:00Z"),
        ("lead", "mql", "2024-01-10T10:00:00Z"),
        ("mql", "customer", "2024-01-24T10:00:00Z"),
    ]
    assert {t["source"] for t in history} == {"HubSpot"}
    db.expire_all()
    stored = db.get(Contact, contact.id)
    assert stored is not None
    assert (stored.lifecycle_stage, stored.created_at.isoformat()) == (
        "customer",
        "2024-01-02T09:15:00+00:00",
    )
    assert not [e for e in published if isinstance(e, StageChanged)]

    again = client.post(f"{API}/contacts/{contact.id}/history", json=PAST)

    assert again.status_code == 200
    assert _transitions(db, contact.id) == 3


def test_bad_history_is_refused_naming_the_item_and_changes_nothing(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db, lifecycle_stage="lead")
    db.commit()
    body = {
        "created_at": "9999-01-01T00:00:00Z",
        "stages": [
            {"stage": "lead", "at": "2024-01-02T09:15:00Z"},
            {"stage": "hot", "at": "2024-01-03T09:15:00Z"},
            {"stage": "mql", "at": "9998-01-01T00:00:00Z"},
        ],
    }

    response = client.post(f"{API}/contacts/{contact.id}/history", json=body)
    naive = client.post(
        f"{API}/contacts/{contact.id}/history",
        json={"stages": [{"stage": "lead", "at": "2024-01-02T09:15:00"}]},
    )
    missing = client.post(f"{API}/contacts/999999999/history", json=PAST)

    assert response.status_code == 422
    fields = {".".join(map(str, e["loc"][1:])) for e in response.json()["detail"]}
    assert fields == {"stages.1.stage", "stages.2.at", "created_at"}
    assert naive.status_code == 422
    assert missing.status_code == 404
    assert _transitions(db, contact.id) == 0


def test_only_importers_may_rewrite_the_past(anon_client: TestClient, db: Session) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    contact = make_contact(db, owner_id=rep.id)
    db.commit()
    sign_in(anon_client, rep)

    response = anon_client.post(f"{API}/contacts/{contact.id}/history", json=PAST)

    assert response.status_code == 403
    assert _transitions(db, contact.id) == 0

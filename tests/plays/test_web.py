"""The plays over HTTP: the API (201, 409, 422 naming the field) and the pages' forms."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import TouchCreate
from huddle.core.actor import SYSTEM
from tests.contacts.factories import make_contact

API = "/api/v1"


def _play(client: TestClient) -> int:
    created = client.post(
        f"{API}/plays",
        json={
            "name": "Call play",
            "buying_stage": "deciding",
            "steps": [{"owner": "sales", "title": "Call", "due_hours": 4}],
        },
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def test_start_a_play_by_the_api_once_and_see_its_progress(client: TestClient, db: Session) -> None:
    play_id = _play(client)
    contact = make_contact(db)
    started = client.post(f"{API}/contacts/{contact.id}/plays", json={"play_id": play_id})
    assert started.status_code == 201 and started.json()["status"] == "active"
    again = client.post(f"{API}/contacts/{contact.id}/plays", json={"play_id": play_id})
    assert again.status_code == 409
    [run] = client.get(f"{API}/contacts/{contact.id}/plays").json()
    assert run["play"] == "Call play" and [s["title"] for s in run["steps"]] == ["Call"]


def test_a_bad_play_is_refused_naming_the_field_and_nothing_is_kept(client: TestClient) -> None:
    refused = client.post(
        f"{API}/plays",
        json={"name": "Bad", "steps": [{"owner": "sales", "title": "Call"}]},
    )
    assert refused.status_code == 422
    [error] = refused.json()["detail"]
    assert error["loc"] == ["body", "steps", "0", "due_hours"]
    assert client.get(f"{API}/plays").json() == []


def test_the_buying_journey_by_the_api_and_on_the_contact_page(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db, first_name="Dora")
    contacts.record_touch(
        db, TouchCreate(type="demo_requested", contact_id=contact.id), actor=SYSTEM
    )
    journey = client.get(f"{API}/contacts/{contact.id}/buying-stage").json()
    assert journey["stage"] == "deciding"
    assert journey["history"][0]["evidence"] == "any demo_requested"
    card = client.get(f"/contacts/{contact.id}/plays")
    assert card.status_code == 200 and "Deciding" in card.text


def test_the_plays_page_adopts_from_the_library(client: TestClient) -> None:
    page = client.get("/plays")
    assert page.status_code == 200 and "Evaluation play" in page.text
    adopted = client.post("/plays/library/evaluation/adopt", follow_redirects=False)
    assert adopted.status_code == 303
    assert "Marketing sends the ROI calculator" in client.get("/plays").text
    unknown = client.post("/plays/library/nothing/adopt")
    assert unknown.status_code == 422

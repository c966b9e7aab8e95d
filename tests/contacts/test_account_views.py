"""The account pages: the list with its filters, and one company with people, deals, story."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from tests.contacts.factories import make_account, make_contact, make_note, make_touch
from tests.lifecycle.factories import make_opportunity
from tests.web.forms import submitted


def names(html: str) -> list[str]:
    return re.findall(r'<a href="/accounts/\d+">([^<]+)</a>', html)


def test_list_filters_by_name_owner_and_target(
    client: TestClient, db: Session, admin: User
) -> None:
    make_account(db, name="Acme Rockets", is_target=True, owner_id=admin.id, industry="Aerospace")
    make_account(db, name="Globex")
    html = client.get("/accounts").text
    assert names(html) == ["Acme Rockets", "Globex"]
    assert "Aerospace" in html and "Target" in html
    assert names(client.get("/accounts?q=glob").text) == ["Globex"]
    assert names(client.get("/accounts?target=1").text) == ["Acme Rockets"]
    assert names(client.get("/accounts?owner=me").text) == ["Acme Rockets"]
    assert names(client.get("/accounts?sort=-name").text) == ["Globex", "Acme Rockets"]


def test_the_search_finds_words_of_the_name_and_whole_domains(
    client: TestClient, db: Session
) -> None:
    # The contact search's rules, through its index: starts of words, any case or accent.
    make_account(db, name="Müller Präzision GmbH", domain="mueller.de")
    make_account(db, name="Initech", domain="initech.com")
    make_account(db, name="Smithfield Foods", domain="smithfield.com")

    def found(q: str) -> list[str]:
        return names(client.get("/accounts", params={"q": q}).text)

    assert found("muller") == ["Müller Präzision GmbH"]
    assert found("PRAZ gmbh") == ["Müller Präzision GmbH"]
    assert found("initech.com") == ["Initech"]
    assert found("field") == [], "letters in the middle of a word do not match"
    assert found("smith") == ["Smithfield Foods"]
    assert found("smith initech") == [], "every word must match"


def test_empty_list_points_to_the_import(client: TestClient) -> None:
    html = client.get("/accounts").text
    assert "No accounts yet" in html and 'href="/imports"' in html


def test_account_page_shows_people_deals_and_timeline(client: TestClient, db: Session) -> None:
    account = make_account(db, name="Umbrella", technologies=["Postgres", "Kafka"])
    person = make_contact(db, first_name="Alice", last_name="Abernathy", account=account)
    make_touch(db, contact=person, type="webinar_attended")
    make_note(db, account_id=account.id, body="Board approved the budget.")
    make_opportunity(db, name="Umbrella renewal", account=account, pipeline_stage="proposal")
    html = client.get(f"/accounts/{account.id}").text
    assert "Alice Abernathy" in html and "Umbrella renewal" in html
    assert "Postgres" in html and "Kafka" in html
    assert "Webinar attended" in html and "Board approved the budget." in html
    # The story names whose touch it was.
    assert f'<a href="/contacts/{person.id}">Alice Abernathy</a>' in html


def test_add_a_note_to_an_account(client: TestClient, db: Session) -> None:
    account = make_account(db)
    submitted(client, f"/accounts/{account.id}/notes", {"body": "Renewal call in May"})
    assert "Renewal call in May" in client.get(f"/accounts/{account.id}").text


def test_unknown_account_is_a_404_page(client: TestClient) -> None:
    assert client.get("/accounts/987654321").status_code == 404

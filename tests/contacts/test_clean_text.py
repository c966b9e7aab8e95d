"""Hostile and unclean text: control characters refused naming the field, one spelling per
email (NFC, an internationalised domain in one form, no invisible characters)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from tests.contacts.factories import make_contact, make_custom_field

API = "/api/v1"


def _refused(response: Any, field: str) -> str:
    assert response.status_code == 422, response.text
    errors = {error["loc"][-1]: error["msg"] for error in response.json()["detail"]}
    assert field in errors, errors
    return str(errors[field])


def _contacts(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(Contact)) or 0)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "Ada\x00"),
        ("last_name", "Love\x1b[2Jlace"),
        ("job_title", "CTO\nInjected: header"),
        ("city", "Oslo\x7f"),
    ],
)
def test_a_control_character_in_any_text_field_is_422_naming_it(
    client: TestClient, db: Session, field: str, value: str
) -> None:
    before = _contacts(db)
    response = client.post(f"{API}/contacts", json={"email": "ada@acme.example", field: value})
    assert "control character" in _refused(response, field)
    assert _contacts(db) == before


def test_a_nul_in_an_email_does_not_make_a_second_contact(client: TestClient, db: Session) -> None:
    make_contact(db, email="x@b.example")
    db.commit()
    response = client.post(f"{API}/contacts", json={"email": "x\u0000@b.example"})
    assert "U+0000" in _refused(response, "email")
    assert _contacts(db) == 1


def test_a_trailing_zero_width_space_is_refused(client: TestClient, db: Session) -> None:
    make_contact(db, email="ada@acme.example")
    db.commit()
    response = client.post(f"{API}/contacts", json={"email": "ada@acme.example\u200b"})
    assert "invisible character U+200B" in _refused(response, "email")
    assert _contacts(db) == 1


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("josé@acme.example", unicodedata.normalize("NFD", "José@acme.example")),
        ("hans@bücher.example", "Hans@xn--bcher-kva.example"),
        ("hans@xn--bcher-kva.example", "hans@BÜCHER.example"),
        ("ana@acme.example", "ana@\uff21\uff23\uff2d\uff25.example"),  # full-width ACME
    ],
)
def test_one_mailbox_spelled_two_ways_is_one_contact(
    client: TestClient, db: Session, first: str, again: str
) -> None:
    created = client.post(f"{API}/contacts", json={"email": first})
    assert created.status_code == 201, created.text
    repeated = client.post(f"{API}/contacts", json={"email": again, "city": "Bergen"})
    assert repeated.status_code == 200, repeated.text
    assert repeated.json()["id"] == created.json()["id"]
    assert _contacts(db) == 1


def test_an_internationalised_domain_is_stored_in_unicode_and_makes_one_account(
    client: TestClient,
) -> None:
    # A real top-level domain: a reserved one (.example) would make no account at all.
    first = client.post(f"{API}/contacts", json={"email": "hans@xn--bcher-kva.de"}).json()
    second = client.post(f"{API}/contacts", json={"email": "greta@Bücher.de"}).json()
    assert first["email"] == "hans@bücher.de"
    assert first["account"]["domain"] == second["account"]["domain"] == "bücher.de"


def test_a_bad_internationalised_domain_is_named(client: TestClient) -> None:
    response = client.post(f"{API}/contacts", json={"email": "a@xn--zz.example"})
    assert "not a valid name" in _refused(response, "email")


def test_a_note_keeps_its_line_breaks_but_not_a_nul(client: TestClient, db: Session) -> None:
    contact = make_contact(db)
    db.commit()
    body = "Call went well.\n\n- pricing\tsent"
    kept = client.post(f"{API}/notes", json={"contact_id": contact.id, "body": body})
    assert kept.status_code == 201, kept.text
    assert kept.json()["body"] == body
    refused = client.post(f"{API}/notes", json={"contact_id": contact.id, "body": "x\x00y"})
    assert "control character" in _refused(refused, "body")


def test_a_control_character_inside_a_custom_value_names_its_key(
    client: TestClient, db: Session
) -> None:
    make_custom_field(db, key="favourite_tool")
    db.commit()
    response = client.post(
        f"{API}/contacts",
        json={"email": "ada@acme.example", "custom": {"favourite_tool": "vim\x1b"}},
    )
    assert "favourite_tool contains a control character U+001B" in _refused(response, "custom")


def test_a_page_form_with_a_control_character_is_422_naming_the_field(
    client: TestClient, db: Session
) -> None:
    contact = make_contact(db, first_name="Ada")
    db.commit()
    page = client.post(f"/contacts/{contact.id}/notes", data={"body": "Called\x00"})
    assert page.status_code == 422
    assert "Body contains a control character U+0000" in page.text
    in_place = client.post(
        f"/contacts/{contact.id}/notes", data={"body": "\x1b"}, headers={"HX-Request": "true"}
    )
    assert in_place.status_code == 422
    assert in_place.text.startswith('<div class="alert alert-error" role="alert">')
    assert client.get(f"{API}/contacts/{contact.id}/timeline").json()["items"] == []

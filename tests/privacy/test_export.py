from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.contacts import service as contacts
from huddle.contacts.models import ConsentChange, Contact, MergeRecord, Note, Touch
from huddle.contacts.schemas import (
    ConsentChangeRead,
    ContactCreate,
    ContactRead,
    MergeRecordRead,
    NoteRead,
    PersonalTouch,
    TouchCreate,
)
from huddle.core.actor import SYSTEM, Actor
from huddle.core.models import Base
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.models import StageTransition
from huddle.lifecycle.schemas import OpportunityCreate, StageTransitionRead
from huddle.privacy import service as privacy
from tests.conftest import make_user, sign_in

EMAIL = "grace.hopper@navy.example"


def _grace(db: Session) -> int:
    actor = Actor.system()
    contact, _ = contacts.upsert_contact(
        db,
        ContactCreate(
            email=EMAIL,
            first_name="Grace",
            last_name="Hopper",
            company="Navy",
            email_opt_in="opted_in",
            consent_source="signup form",
            consent_text_shown="Yes, send me news.",
        ),
        actor=actor,
    )
    contacts.record_touch(
        db,
        TouchCreate(contact_id=contact.id, type="page_view", properties={"url": "/p"}),
        actor=actor,
    )
    contacts.add_note(db, contact_id=contact.id, body="Invented the compiler.", actor=actor)
    lifecycle.transition_stage(db, contact.id, "mql", actor=actor)
    assert contact.account_id is not None
    lifecycle.create_opportunity(
        db,
        OpportunityCreate(
            name="Compiler licence",
            account_id=contact.account_id,
            contacts=[{"contact_id": contact.id, "role": "champion"}],
        ),
        actor=actor,
    )
    db.commit()
    return contact.id


def test_the_export_holds_everything_about_the_person(client: TestClient, db: Session) -> None:
    contact_id = _grace(db)

    response = client.get(f"/api/v1/contacts/{contact_id}/personal-data")

    assert response.status_code == 200, response.text
    data = response.json()
    assert data["contact"]["email"] == EMAIL and data["contact"]["first_name"] == "Grace"
    assert data["account"]["name"] == "Navy"
    [consent] = data["consent_history"]
    assert (consent["source"], consent["text_shown"]) == ("signup form", "Yes, send me news.")
    assert [t["type"] for t in data["touches"]] == ["page_view"]
    assert [n["body"] for n in data["notes"]] == ["Invented the compiler."]
    assert [s["to_stage"] for s in data["stage_history"]] == ["lead", "mql"]
    assert [(d["name"], d["role"]) for d in data["deal_roles"]] == [
        ("Compiler licence", "champion")
    ]
    [audited] = db.query(AuditEntry).filter_by(action="contact.personal_data_exported").all()
    assert audited.subject_id == str(contact_id)


def test_the_contact_page_offers_the_download(client: TestClient, db: Session) -> None:
    contact_id = _grace(db)

    page = client.get(f"/contacts/{contact_id}")
    assert f'href="/contacts/{contact_id}/personal-data.json"' in page.text
    assert f'action="/contacts/{contact_id}/erase"' in page.text
    download = client.get(f"/contacts/{contact_id}/personal-data.json")

    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    assert download.headers["cache-control"] == "no-store"
    assert json.loads(download.text)["contact"]["email"] == EMAIL


def test_erasing_from_the_contact_page_needs_the_confirmation(
    client: TestClient, db: Session
) -> None:
    contact_id = _grace(db)

    unconfirmed = client.post(f"/contacts/{contact_id}/erase", data={})
    assert unconfirmed.status_code == 422
    assert contacts.get_contact(db, contact_id).email == EMAIL
    done = client.post(
        f"/contacts/{contact_id}/erase", data={"confirm": "erase"}, follow_redirects=False
    )
    assert done.status_code == 303
    db.expire_all()
    assert contacts.is_erased(contacts.get_contact(db, contact_id))
    assert "Erase…" not in client.get(f"/contacts/{contact_id}").text


def test_roles_without_the_permission_get_403_and_no_buttons(
    anon_client: TestClient, db: Session
) -> None:
    contact_id = _grace(db)
    marketer = make_user(db, role="marketing", team="marketing")
    db.commit()
    sign_in(anon_client, marketer)

    assert anon_client.get(f"/api/v1/contacts/{contact_id}/personal-data").status_code == 403
    assert anon_client.get(f"/contacts/{contact_id}/personal-data.json").status_code == 403
    page = anon_client.get(f"/contacts/{contact_id}").text
    assert "personal-data.json" not in page and "/erase" not in page
    assert anon_client.get("/api/v1/contacts/999999999/personal-data").status_code == 403


@pytest.mark.parametrize(
    ("part", "table"),
    [
        (ContactRead, Contact),
        (ConsentChangeRead, ConsentChange),
        (PersonalTouch, Touch),
        (NoteRead, Note),
        (MergeRecordRead, MergeRecord),
        (StageTransitionRead, StageTransition),
    ],
)
def test_each_typed_part_of_the_export_holds_every_column_of_its_table(
    part: type[BaseModel], table: type[Base]
) -> None:
    """The export is typed part by part; a column added to a table and not to its part
    would be left out of a person's data without a word: it fails here instead."""
    columns = {column.key for column in table.__table__.columns}
    assert columns - set(part.model_fields) == set()


def test_the_export_holds_the_contacts_merged_into_theirs_before_and_after_erasure(
    client: TestClient, db: Session
) -> None:
    contact_id = _grace(db)
    duplicate, _ = contacts.upsert_contact(
        db, ContactCreate(email="amazing.grace@navy.example", city="Arlington"), actor=SYSTEM
    )
    contacts.merge_contacts(db, contact_id, duplicate.id, actor=SYSTEM)
    db.commit()

    [merged] = client.get(f"/api/v1/contacts/{contact_id}/personal-data").json()["merged_records"]
    assert merged["merged_id"] == duplicate.id
    snapshot = merged["merged_snapshot"]
    assert (snapshot["email"], snapshot["city"], snapshot["custom"]) == (
        "amazing.grace@navy.example",
        "Arlington",
        {},
    )

    privacy.erase_personal_data(db, contact_id, actor=Actor.user(1, role="compliance"))
    db.commit()
    after = client.get(f"/api/v1/contacts/{contact_id}/personal-data")
    assert after.status_code == 200, after.text
    [merged] = after.json()["merged_records"]
    assert "email" not in merged["merged_snapshot"] and "city" not in merged["merged_snapshot"]

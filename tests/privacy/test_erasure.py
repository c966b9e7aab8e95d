"""Erasure leaves no personal value anywhere in the database, and every count unchanged.

The scan reads every text and JSON column of every table in the metadata, so a table a
later issue adds is searched too: its domain must scrub it on ``ContactErased``.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import JSON, String, Text, cast, func, select
from sqlalchemy import Text as TextType
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth.models import User
from huddle.contacts import service as contacts
from huddle.contacts.models import Contact, ImportJob, Touch
from huddle.contacts.schemas import ContactCreate, SavedViewCreate, TouchCreate
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import Conflict, NotPermitted
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import OpportunityCreate
from huddle.models import Base
from huddle.privacy import service as privacy
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_custom_field

EMAIL = "zebulon.quarrington@acme-rockets.example"
OLD_EMAIL = "zeb.q@oldmail.example"
FIRST, LAST = "Zebulon", "Quarrington"
PHONE = "+44 20 7946 0958"
PERSONAL = (EMAIL, OLD_EMAIL, FIRST, LAST, PHONE)


def _text_columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String | Text | JSON)
    ]


def find_anywhere(session: Session, value: str) -> list[str]:
    """Every table.column holding ``value`` (case-insensitive) in any row."""
    found = []
    for table_name, column_name in _text_columns():
        column = Base.metadata.tables[table_name].columns[column_name]
        text = func.lower(cast(column, TextType))
        hits = session.scalar(
            select(func.count()).where(text.contains(value.lower(), autoescape=True))
        )
        if hits:
            found.append(f"{table_name}.{column_name}")
    return found


def _touch_counts(session: Session) -> Counter[str]:
    return Counter(session.scalars(select(Touch.type)))


def _history(session: Session, contact_id: int) -> list[tuple[object, ...]]:
    return [(t.from_stage, t.to_stage, t.at) for t in lifecycle.stage_history(session, contact_id)]


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin", team="revops")


def _person_everywhere(session: Session, actor: Actor, clock: FrozenClock) -> Contact:
    """A person whose details reach every corner Huddle keeps them in."""
    field = make_custom_field(session, key="favourite_rocket")
    contact, _ = contacts.upsert_contact(
        session,
        ContactCreate(
            email=EMAIL,
            first_name=FIRST,
            last_name=LAST,
            phone=PHONE,
            city="Llanfair",
            job_title="Head of Rockets",
            company="Acme Rockets",
            email_opt_in="opted_in",
            consent_source=f"webinar form filled by {EMAIL}",
            consent_text_shown=f"I, {FIRST} {LAST}, agree to hear from Acme.",
            custom={field.key: f"{FIRST}'s Saturn V"},
        ),
        actor=actor,
    )
    old, _ = contacts.upsert_contact(
        session, ContactCreate(email=OLD_EMAIL, first_name=FIRST, last_name=LAST), actor=actor
    )
    contacts.merge_contacts(session, contact.id, old.id, actor=actor)
    for minute in range(3):
        clock.advance(timedelta(minutes=1))
        contacts.record_touch(
            session,
            TouchCreate(
                contact_id=contact.id,
                type="form_submit" if minute else "page_view",
                visitor_id=f"visitor-{minute}",
                idempotency_key=f"form-{EMAIL}-{minute}",
                properties={
                    "email": EMAIL,
                    "first_name": FIRST,
                    "url": f"https://acme.example/thanks?email={EMAIL}&who={LAST}",
                    "utm_source": "newsletter",
                    "message": f"Hi, {FIRST} here. Call {PHONE}",
                },
            ),
            actor=actor,
        )
    contacts.add_note(
        session, contact_id=contact.id, body=f"{FIRST} wants a demo, {EMAIL}", actor=actor
    )
    assert contact.account_id is not None
    contacts.add_note(
        session,
        account_id=contact.account_id,
        body=f"Met {FIRST} {LAST} at the fair; wrote to {EMAIL}.",
        actor=actor,
    )
    lifecycle.transition_stage(
        session, contact.id, "mql", actor=actor, reason=f"{FIRST} downloaded the ebook"
    )
    deal = lifecycle.create_opportunity(
        session,
        OpportunityCreate(
            name=f"{LAST} rockets expansion",
            account_id=contact.account_id,
            primary_contact_id=contact.id,
        ),
        actor=actor,
    )
    contacts.save_view(
        session,
        SavedViewCreate(name="Zeb", filters={"q": f"{FIRST} {LAST}"}),
        actor=actor,
    )
    contacts.set_consent(
        session,
        contact.id,
        field="do_not_call",
        value=True,
        source=f"asked by {PHONE}",
        actor=actor,
    )
    assert deal.id
    return contact


def test_erasure_leaves_no_personal_value_and_every_count_unchanged(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    bystander, _ = contacts.upsert_contact(
        db, ContactCreate(email="ada@analytical.example", first_name="Ada"), actor=actor
    )
    contact = _person_everywhere(db, actor, frozen_clock)
    for value in PERSONAL:
        assert find_anywhere(db, value), f"the setup should have stored {value!r}"
    funnel_before = lifecycle.count_stage_entries(db)
    touches_before = _touch_counts(db)
    history_before = [
        (t.from_stage, t.to_stage, t.at) for t in lifecycle.stage_history(db, contact.id)
    ]

    privacy.erase_personal_data(db, contact.id, actor=actor)
    db.flush()
    db.expire_all()

    for value in PERSONAL:
        assert find_anywhere(db, value) == [], f"{value!r} survived the erasure"
    assert lifecycle.count_stage_entries(db) == funnel_before
    assert _touch_counts(db) == touches_before
    assert _history(db, contact.id) == history_before
    erased = contacts.get_contact(db, contact.id)
    assert erased.lifecycle_stage == "mql" and erased.account_id is not None
    assert contacts.is_erased(erased) and not contacts.can_email(erased)
    touch = db.scalars(select(Touch).where(Touch.contact_id == contact.id)).first()
    assert touch is not None and touch.properties["utm_source"] == "newsletter"
    assert contacts.get_contact(db, bystander.id).email == "ada@analytical.example"


def test_the_erasure_is_audited_without_the_erased_values(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    contact = _person_everywhere(db, actor, frozen_clock)

    privacy.erase_personal_data(db, contact.id, actor=actor)

    entries = list(
        db.scalars(
            select(AuditEntry).where(
                AuditEntry.subject_type == "contact", AuditEntry.subject_id == str(contact.id)
            )
        )
    )
    actions = [e.action for e in entries]
    assert actions.count("contact.erased") == 1
    assert {"contact.stage_changed", "contact.consent_changed", "contact.merged"} <= set(actions)
    for entry in entries:
        text = f"{entry.summary} {entry.changes}".lower()
        assert not any(value.lower() in text for value in PERSONAL), entry.action


def test_erasing_twice_is_409_and_needs_the_permission(db: Session, actor: Actor) -> None:
    contact, _ = contacts.upsert_contact(db, ContactCreate(email=EMAIL), actor=actor)
    with pytest.raises(NotPermitted):
        privacy.erase_personal_data(db, contact.id, actor=Actor.user(1, role="marketing"))
    assert contacts.get_contact(db, contact.id).email == EMAIL

    privacy.erase_personal_data(db, contact.id, actor=Actor.user(1, role="compliance"))
    with pytest.raises(Conflict):
        privacy.erase_personal_data(db, contact.id, actor=actor)


def test_erasure_over_the_api(client: TestClient, anon_client: TestClient, db: Session) -> None:
    contact, _ = contacts.upsert_contact(db, ContactCreate(email=EMAIL), actor=Actor.system())
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()

    assert client.post(f"/api/v1/contacts/{contact.id}/erase").status_code == 200
    assert client.post(f"/api/v1/contacts/{contact.id}/erase").status_code == 409
    assert client.post("/api/v1/contacts/999999999/erase").status_code == 404
    assert find_anywhere(db, EMAIL) == []
    sign_in(anon_client, rep)
    assert anon_client.post(f"/api/v1/contacts/{contact.id}/erase").status_code == 403


def test_import_files_on_disk_are_scrubbed_too(
    db: Session, actor: Actor, frozen_clock: FrozenClock, tmp_path: Path
) -> None:
    contact, _ = contacts.upsert_contact(
        db, ContactCreate(email=EMAIL, first_name=FIRST, last_name=LAST), actor=actor
    )
    job = ImportJob(
        entity="contact",
        filename="leads.csv",
        file_sha256="0" * 64,
        source_format="huddle",
        error_file=str(tmp_path / "7-errors.csv"),
    )
    db.add(job)
    db.flush()
    report = tmp_path / "7-errors.csv"
    report.write_text(f"line,column,reason,Email,Name\r\n3,phone,bad phone,{EMAIL},{FIRST}\r\n")
    upload = tmp_path / f"{job.id}.csv"
    upload.write_text(f"Email,Name\r\nsomeone@else.example,Else\r\n{EMAIL},{FIRST} {LAST}\r\n")

    privacy.erase_personal_data(db, contact.id, actor=actor)

    for path in (report, upload):
        text = path.read_text()
        assert EMAIL not in text and FIRST not in text and "[erased]" in text
    assert "someone@else.example" in upload.read_text()
    assert report.read_bytes().count(b"\r\n") == 2  # line endings, numbers, reasons stay

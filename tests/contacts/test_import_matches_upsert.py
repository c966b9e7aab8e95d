"""An imported row and ``upsert_contact`` with the same data leave the same record behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.models import Account, ConsentChange, Contact, EnrichmentCompany
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.lifecycle.models import StageTransition
from tests.contacts.factories import make_account, make_contact
from tests.contacts.fixtures.imports import import_file, write_csv

_IGNORED = {"id", "account_id", "contact_id", "source", "by_rule", "enriched_fields"}


def _snapshot(db: Session, email: str) -> dict[str, Any]:
    contact = db.scalars(select(Contact).where(Contact.email == email)).one()
    account = db.get(Account, contact.account_id) if contact.account_id else None

    def plain(row: Any) -> dict[str, Any]:
        return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in _IGNORED}

    return {
        "contact": plain(contact),
        "account": plain(account) if account else None,
        "account_is_new": account is not None and account.name != "Existing Co",
        "consent": sorted(
            (c.field, c.old_value, c.new_value)
            for c in db.scalars(select(ConsentChange).where(ConsentChange.contact_id == contact.id))
        ),
        "stages": [
            (t.from_stage, t.to_stage)
            for t in db.scalars(
                select(StageTransition).where(StageTransition.contact_id == contact.id)
            )
        ],
    }


CASES = {
    "new with company, consent and stage": {
        "email": "Nia.Okoro@Brightline.io",
        "first_name": "Nia",
        "last_name": "Okoro",
        "job_title": "Head of Growth",
        "company": "Brightline",
        "lifecycle_stage": "mql",
        "email_opt_in": "opted_in",
        "do_not_call": "true",
    },
    "new on free mail": {"email": "sam.doe@gmail.com", "first_name": "Sam", "city": "Leeds"},
    "new, domain known to enrichment": {"email": "kim@enriched.io", "last_name": "Kim"},
    "new, company of an existing account": {"email": "lee@other.example", "company": "Existing Co"},
    "existing: fields given change, others stay": {
        "email": "taken@acme.example",
        "job_title": "VP Sales",
        "do_not_email": "true",
        "company_domain": "existing.example",
    },
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_imported_row_equals_an_upsert_of_the_same_data(
    case: str, db: Session, admin: User, frozen_clock: FrozenClock, tmp_path: Path
) -> None:
    actor = Actor.user(admin.id, role="admin")
    make_account(db, name="Existing Co", domain="existing.example")
    make_contact(db, email="taken@acme.example", first_name="Tia", job_title="AE", city="Oslo")
    db.add(EnrichmentCompany(domain="enriched.io", name="Enriched Ltd", industry="Retail"))
    db.flush()
    values = CASES[case]
    email = values["email"].lower()

    savepoint = db.begin_nested()
    source = write_csv(tmp_path / "one.csv", list(values), [list(values.values())])
    job = import_file(db, source, actor=actor, errors_path=tmp_path / "e.csv")
    assert job.rows_failed == 0
    imported = _snapshot(db, email)
    savepoint.rollback()

    data = {k: (v == "true" if v in {"true", "false"} else v) for k, v in values.items()}
    service.upsert_contact(db, ContactCreate(**data), actor=actor)
    upserted = _snapshot(db, email)

    assert imported == upserted

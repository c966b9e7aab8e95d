"""One set of upsert rules: importing rows and sending the same rows through the API leave
the same contacts, accounts and consent records, and publish the same kinds of events."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.events import ConsentChanged, ContactsChanged, ContactsCreated
from huddle.contacts.models import Account, ConsentChange, Contact
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import Actor
from huddle.core.errors import HuddleError
from huddle.core.events import DomainEvent
from tests.contacts.fixtures.imports import counts, import_file, write_csv

# Five people, each with one address and one record id; a row names them by either or both.
PEOPLE = [
    ("ann@acme.com", "A-1"),
    ("bo@acme.com", "A-2"),
    ("cy@gmail.com", "G-1"),
    ("di@globex.io", "X-1"),
    ("ed@example.com", "E-1"),  # a reserved domain: never an account
]
COLUMNS = [
    "email",
    "external_id",
    "first_name",
    "job_title",
    "city",
    "company",
    "email_opt_in",
    "do_not_call",
]
_files = itertools.count()


@st.composite
def rows(draw: st.DrawFn) -> dict[str, str | None]:
    email, external_id = draw(st.sampled_from(PEOPLE))
    keys = draw(st.sampled_from(["email", "external_id", "both"]))
    spelling = draw(st.sampled_from([str.lower, str.upper, str.title]))
    return {
        "email": spelling(email) if keys != "external_id" else None,
        "external_id": external_id if keys != "email" else None,
        "first_name": draw(st.sampled_from([None, "Ann", "Bo", "Zed"])),
        "job_title": draw(st.sampled_from([None, "CMO", "VP Sales"])),
        "city": draw(st.sampled_from([None, "Oslo", "Lyon"])),
        "company": draw(st.sampled_from([None, "Acme", "Globex"])),
        "email_opt_in": draw(st.sampled_from([None, "opted_in", "opted_out"])),
        "do_not_call": draw(st.sampled_from([None, "true", "false"])),
    }


def _tables(db: Session) -> dict[str, Any]:
    """The contact, account and consent tables, without ids, timestamps or who did it."""
    accounts = {a.id: (a.name, a.domain) for a in db.scalars(select(Account))}
    people = {}
    for contact in db.scalars(select(Contact)):
        row = {
            c.key: getattr(contact, c.key)
            for c in Contact.__table__.columns
            if c.key not in {"id", "created_at", "updated_at", "stage_entered_at", "account_id"}
        }
        row["account"] = accounts.get(contact.account_id) if contact.account_id else None
        people[contact.id] = row
    # A consent change by whose it is (the keys), what changed, and what was shown; not
    # its source, which names the channel ("import #3" or the user).
    consent = sorted(
        (
            str(people[c.contact_id]["email"]),
            str(people[c.contact_id]["external_id"]),
            c.field,
            str(c.old_value),
            c.new_value,
            str(c.text_shown),
        )
        for c in db.scalars(select(ConsentChange))
    )
    return {
        "contacts": sorted(people.values(), key=lambda r: (str(r["email"]), str(r["external_id"]))),
        "accounts": sorted(accounts.values(), key=str),
        "consent": consent,
    }


def _through_the_api(db: Session, batch: list[dict[str, str | None]], actor: Actor) -> None:
    for row in batch:
        values: dict[str, Any] = {k: v for k, v in row.items() if v is not None}
        if "do_not_call" in values:
            values["do_not_call"] = values["do_not_call"] == "true"
        try:
            with db.begin_nested():
                service.upsert_contact(db, ContactCreate(**values), actor=actor)
        except HuddleError:
            continue  # refused, as the import refuses the row (two contacts' keys)


def _row(
    email: str | None, external_id: str | None, do_not_call: str | None = None
) -> dict[str, str | None]:
    return {
        "email": email,
        "external_id": external_id,
        "first_name": None,
        "job_title": None,
        "city": None,
        "company": None,
        "email_opt_in": None,
        "do_not_call": do_not_call,
    }


ANN, ID = "ann@acme.com", "A-1"
# Found by the random search (and fixed), each with a chunk of three rows: the first chunk
# makes the contact; in the second, a row keyed by the id alone comes before a row giving
# that id to the known email (a new contact, then a refused row, as consecutive upserts);
# and one contact is named twice, once by its email and once by its id.
ID_THEN_BOTH_KEYS = [_row(ANN, None)] * 3 + [_row(None, ID), _row(ANN, ID)]
BY_EITHER_KEY = (
    [_row(ANN, ID)]
    + [_row(ANN, None)] * 2
    + [
        _row(ANN, None, do_not_call="true"),
        _row(None, ID, do_not_call="true"),
    ]
)


# Derandomized: CI explores the same examples every run, so a failure is the code's, not
# the day's; new cases found while developing are pinned with @example above.
@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(batch=st.lists(rows(), min_size=1, max_size=8), chunk_size=st.sampled_from([1, 3, 50]))
@example(batch=ID_THEN_BOTH_KEYS, chunk_size=3).via("found by the random search")
@example(batch=BY_EITHER_KEY, chunk_size=3).via("found by the random search")
def test_importing_rows_equals_sending_them_through_the_api(
    db: Session, admin: User, tmp_path: Path, batch: list[dict[str, str | None]], chunk_size: int
) -> None:
    actor = Actor.user(admin.id, role="admin")
    path = write_csv(
        tmp_path / f"rows-{next(_files)}.csv",
        COLUMNS,
        [[row[name] or "" for name in COLUMNS] for row in batch],
    )
    imported_run = db.begin_nested()
    job = import_file(
        db, path, actor=actor, errors_path=tmp_path / "errors.csv", chunk_size=chunk_size
    )
    imported = _tables(db)
    refused = job.rows_failed
    imported_run.rollback()

    api_run = db.begin_nested()
    _through_the_api(db, batch, actor)
    sent = _tables(db)
    api_run.rollback()

    differences = [
        {k: (a[k], b[k]) for k in a if a[k] != b[k]}
        for a, b in zip(imported["contacts"], sent["contacts"], strict=False)
        if a != b
    ]
    assert imported == sent, (
        f"{refused} row(s) refused by the import; {differences}; "
        f"accounts {imported['accounts']} / {sent['accounts']}; "
        f"consent {imported['consent']} / {sent['consent']}; {batch}"
    )


def test_an_import_announces_changed_contacts_as_the_api_does(
    db: Session, admin: User, tmp_path: Path, published: list[DomainEvent]
) -> None:
    actor = Actor.user(admin.id, role="admin")
    header = ["email", "job_title", "do_not_call"]
    first = write_csv(
        tmp_path / "a.csv", header, [["ann@acme.com", "CMO", ""], ["bo@acme.com", "", ""]]
    )
    import_file(db, first, actor=actor, errors_path=tmp_path / "e.csv")
    ann = db.scalars(select(Contact).where(Contact.email == "ann@acme.com")).one()
    published.clear()

    again = write_csv(
        tmp_path / "b.csv", header, [["ann@acme.com", "CEO", "true"], ["bo@acme.com", "", ""]]
    )
    job = import_file(db, again, actor=actor, errors_path=tmp_path / "e.csv")

    assert counts(job)["updated"] == 1
    changed = [e for e in published if isinstance(e, ContactsChanged)]
    # One event for the chunk's changed contacts (the unchanged one is not news).
    assert [e.contact_ids for e in changed] == [(ann.id,)]
    consent = [e for e in published if isinstance(e, ConsentChanged)]
    assert [(e.contact_id, e.field, e.old_value, e.new_value) for e in consent] == [
        (ann.id, "do_not_call", False, True)
    ]
    assert not [e for e in published if isinstance(e, ContactsCreated)]

    published.clear()
    service.upsert_contact(
        db, ContactCreate(email="ann@acme.com", job_title="Founder"), actor=actor
    )
    assert [type(e) for e in published if isinstance(e, ContactsChanged)] == [ContactsChanged]

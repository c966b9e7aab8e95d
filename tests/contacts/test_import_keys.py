"""Contacts without email, keyed by the source CRM's record id; the key an import matches
rows by; made-up domains that never make accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.models import Account, Contact
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from tests.contacts.fixtures.imports import counts, import_file, read_csv, write_csv
from tests.contacts.test_import_cleaning import _import

API = "/api/v1"
# A HubSpot export of a lead list without an email column, as its documented headers go.
HUBSPOT_NO_EMAIL = (
    ["Record ID", "First Name", "Last Name", "Company Name", "Job Title", "Lifecycle Stage"],
    [
        ["9001", "Ada", "Lovelace", "Analytical Engines", "CTO", "Lead"],
        ["9002", "Alan", "Turing", "Bletchley Labs", "N/A", "Marketing Qualified Lead"],
        ["9003", "Grace", "Hopper", "Analytical Engines", "Admiral", "Lead"],
        ["", "Nobody", "Known", "", "", "Lead"],
    ],
)


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def _by_external_id(db: Session, external_id: str) -> Contact:
    return db.scalars(select(Contact).where(Contact.external_id == external_id)).one()


def test_a_file_without_email_is_keyed_by_its_record_ids(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "leads.csv", *HUBSPOT_NO_EMAIL)

    job = _import(db, path, actor, tmp_path)

    assert job.source_format == "hubspot"
    assert job.mapping["Record ID"] == "external_id"
    assert counts(job) == {"total": 4, "created": 3, "updated": 0, "unchanged": 0, "failed": 1}
    ada = _by_external_id(db, "9001")
    assert (ada.email, ada.first_name, ada.lifecycle_stage) == (None, "Ada", "lead")
    assert _by_external_id(db, "9002").lifecycle_stage == "mql"
    # Two people of one company share its account, found by name.
    assert ada.account_id == _by_external_id(db, "9003").account_id is not None
    (failed,) = read_csv(Path(job.error_file or ""))
    assert (failed["error_line"], failed["error_column"], failed["error_reason"]) == (
        "5",
        "Record ID",
        "a row needs an email or an external id",
    )

    again = _import(db, path, actor, tmp_path)
    assert counts(again) == {"total": 4, "created": 0, "updated": 0, "unchanged": 3, "failed": 1}
    assert _count(db, Contact) == 3


def test_a_record_id_finds_the_contact_when_the_email_arrives_later(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    _import(db, write_csv(tmp_path / "leads.csv", *HUBSPOT_NO_EMAIL), actor, tmp_path)
    header = ["Record ID", "Email", "First Name", "Last Name"]
    later = write_csv(tmp_path / "later.csv", header, [["9001", "ada@engines.io", "Ada", "L."]])

    job = _import(db, later, actor, tmp_path)

    assert counts(job)["updated"] == 1
    ada = _by_external_id(db, "9001")
    assert (ada.email, ada.last_name) == ("ada@engines.io", "L.")
    assert _count(db, Contact) == 3


def test_a_contact_whose_email_changed_is_found_by_its_record_id(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Id", "Email", "FirstName", "LastName", "Company"]
    first = write_csv(tmp_path / "a.csv", header, [["00Q1", "old@acme.com", "Ann", "Lee", "Acme"]])
    moved = write_csv(tmp_path / "b.csv", header, [["00Q1", "new@acme.com", "Ann", "Lee", "Acme"]])
    _import(db, first, actor, tmp_path)

    # No contact has the new address: the record id finds her, whichever key comes first.
    job = _import(db, moved, actor, tmp_path)
    assert counts(job)["updated"] == 1
    assert _by_external_id(db, "00Q1").email == "new@acme.com"
    assert _count(db, Contact) == 1


def test_a_salesforce_reports_short_ids_find_the_contacts_its_export_created(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # The weekly export names leads by their 18-character ids; a leads report by the 15
    # characters Salesforce's pages show. Neither file has an email.
    export = write_csv(
        tmp_path / "Lead.csv",
        ["Id", "LastName", "Company", "Status"],
        [
            ["00Q5g00000IaZx7EAF", "Okafor", "Camden", "Open - Not Contacted"],
            ["00Q5g00000JbQr2EAF", "Lindqvist", "Camden", "Working - Contacted"],
        ],
    )
    report = write_csv(
        tmp_path / "report.csv",
        ["Lead ID", "Last Name", "Lead Status", "Created Date", "Title"],
        [
            ["00Q5g00000IaZx7", "Okafor", "Open - Not Contacted", "2024-02-11", "CFO"],
            ["00Q5g00000JbQr2", "Lindqvist", "Working - Contacted", "2024-02-12", "CTO"],
        ],
    )
    _import(db, export, actor, tmp_path)

    job = _import(db, report, actor, tmp_path)

    assert (job.source_format, job.rows_created, job.rows_updated) == (
        "salesforce_lead_report",
        0,
        2,
    )
    assert _count(db, Contact) == 2
    assert _by_external_id(db, "00Q5g00000IaZx7EAF").job_title == "CFO"
    assert _by_external_id(db, "00Q5g00000JbQr2EAF").job_title == "CTO"


def test_record_ids_a_spreadsheet_rounded_fail_rather_than_make_three_people_one(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Three leads without email whose long ids Excel showed, and saved, as one number.
    rows = [
        ["5.12346E+10", "Ada", "Lovelace", "", "", "Lead"],
        ["5.12346E+10", "Alan", "Turing", "", "", "Marketing Qualified Lead"],
        ["51234567893", "Grace", "Hopper", "", "", "Lead"],
    ]
    path = write_csv(tmp_path / "rounded.csv", HUBSPOT_NO_EMAIL[0], rows)

    job = _import(db, path, actor, tmp_path)

    assert counts(job) == {"total": 3, "created": 1, "updated": 0, "unchanged": 0, "failed": 2}
    assert _count(db, Contact) == 1
    failed = read_csv(Path(job.error_file or ""))
    assert [(f["error_line"], f["error_column"]) for f in failed] == [
        ("2", "Record ID"),
        ("3", "Record ID"),
    ]
    assert "'5.12346E+10' is a long number a spreadsheet rounded" in failed[0]["error_reason"]


def test_the_api_keeps_a_salesforce_id_in_its_18_character_form(
    client: TestClient, db: Session
) -> None:
    created = client.post(f"{API}/contacts", json={"external_id": "003A000000bX7Ee"})
    assert created.status_code == 201, created.text
    assert created.json()["external_id"] == "003A000000bX7EeIAK"

    # The 18 characters, or the 15 again: the same contact.
    for given in ("003A000000bX7EeIAK", "003A000000bX7Ee"):
        same = client.post(f"{API}/contacts", json={"external_id": given, "first_name": "Kim"})
        assert same.status_code == 200, same.text
        assert same.json()["id"] == created.json()["id"]
    assert _count(db, Contact) == 1


def test_the_key_chosen_decides_when_the_keys_name_two_contacts(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Id", "Email", "FirstName", "LastName", "Company"]
    people = [
        ["00Q1", "ann@acme.com", "Ann", "Lee", "Acme"],
        ["00Q2", "bo@acme.com", "Bo", "Ng", "Acme"],
    ]
    _import(db, write_csv(tmp_path / "a.csv", header, people), actor, tmp_path)
    # Ann's record id with Bo's address.
    mixed = write_csv(tmp_path / "b.csv", header, [["00Q1", "bo@acme.com", "?", "?", "Acme"]])

    by_email = _import(db, mixed, actor, tmp_path)
    (failed,) = read_csv(Path(by_email.error_file or ""))
    # Matched to Bo by the address; Bo cannot take Ann's record id.
    assert (failed["error_column"], failed["error_reason"]) == (
        "Id",
        f"contact {_by_external_id(db, '00Q1').id} already has the external_id 00Q1",
    )
    by_id = _import(db, mixed, actor, tmp_path, key="external_id")
    (failed,) = read_csv(Path(by_id.error_file or ""))
    # Matched to Ann by the record id; Ann cannot take Bo's address.
    assert (by_id.dedupe_key, failed["error_column"]) == ("external_id", "Email")
    assert "already has the email bo@acme.com" in failed["error_reason"]
    assert {c.first_name for c in db.scalars(select(Contact))} == {"Ann", "Bo"}


def test_rows_of_one_chunk_that_name_two_contacts_fail(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "clash.csv",
        ["external_id", "email", "first_name"],
        [["A1", "ann@acme.com", "Ann"], ["B2", "bo@acme.com", "Bo"], ["A1", "bo@acme.com", "?"]],
    )
    job = _import(db, path, actor, tmp_path)
    assert counts(job) == {"total": 3, "created": 2, "updated": 0, "unchanged": 0, "failed": 1}
    (failed,) = read_csv(Path(job.error_file or ""))
    assert failed["error_line"] == "4"
    assert (
        failed["error_reason"] == "its email and its external id belong to two different contacts"
    )


def test_the_external_id_key_needs_a_column_mapped_to_it(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "p.csv", ["email"], [["ann@acme.com"]])
    with pytest.raises(ValidationFailed) as refused:
        _import(db, path, actor, tmp_path, key="external_id")
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("key", "no column of the file is mapped to 'external_id'")
    ]
    with pytest.raises(ValidationFailed) as wrong:
        _import(db, path, actor, tmp_path, key="phone")
    assert [e.field for e in wrong.value.errors] == ["key"]
    assert _count(db, Contact) == 0


def test_the_api_takes_an_external_id_instead_of_an_email(client: TestClient, db: Session) -> None:
    created = client.post(f"{API}/contacts", json={"external_id": "003XYZ", "first_name": "Kim"})
    assert created.status_code == 201, created.text
    assert (created.json()["email"], created.json()["external_id"]) == (None, "003XYZ")

    same = client.post(f"{API}/contacts", json={"external_id": "003XYZ", "email": "kim@acme.com"})
    assert same.status_code == 200, same.text
    assert (same.json()["id"], same.json()["email"]) == (created.json()["id"], "kim@acme.com")

    neither = client.post(f"{API}/contacts", json={"first_name": "Nobody"})
    assert neither.status_code == 422
    assert "an email or an external id is required" in neither.text
    assert "email" in [".".join(map(str, e["loc"]))[-5:] for e in neither.json()["detail"]] or (
        "email" in neither.text
    )
    assert _count(db, Contact) == 1


@pytest.mark.parametrize(
    "email",
    [
        "someone@acme.example",
        "noreply@example.com",
        "x@mail.example.org",
        "lead@crm.invalid",
        "qa@shop.test",
        "me@localhost.localhost",
    ],
)
def test_made_up_domains_never_create_accounts(db: Session, actor: Actor, email: str) -> None:
    contact, _ = service.upsert_contact(db, ContactCreate(email=email), actor=actor)
    assert contact.account_id is None
    named, _ = service.upsert_contact(
        db, ContactCreate(email="b" + email, company="Real Co"), actor=actor
    )
    account = db.get(Account, named.account_id)
    assert account is not None and (account.name, account.domain) == ("Real Co", None)


def test_an_import_makes_no_account_of_a_placeholder_domain(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        ["email", "first_name"],
        [["none1@example.com", "A"], ["none2@example.com", "B"], ["ann@acme.com", "Ann"]],
    )
    _import(db, path, actor, tmp_path)
    assert db.scalars(select(Account.domain)).all() == ["acme.com"]


def test_a_contact_without_email_has_its_page_and_list_row(client: TestClient, db: Session) -> None:
    created = client.post(f"{API}/contacts", json={"external_id": "003Q", "first_name": "Kim"})
    page = client.get(f"/contacts/{created.json()['id']}")
    assert page.status_code == 200
    assert "003Q" in page.text and "None" not in page.text
    listing = client.get("/contacts")
    assert listing.status_code == 200 and "Kim" in listing.text


def test_erasure_forgets_the_record_id(db: Session, actor: Actor, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "leads.csv", *HUBSPOT_NO_EMAIL)
    _import(db, path, actor, tmp_path)
    ada = _by_external_id(db, "9001")
    service.erase_contact(db, ada.id, actor=actor)
    assert ada.external_id is None
    job = _import(db, path, actor, tmp_path)
    # The record comes back as a new person, not into the erased record.
    assert counts(job)["created"] == 1
    db.refresh(ada)
    assert ada.first_name is None


def test_an_owner_given_as_a_salesforce_user_id_says_what_to_map_instead(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Id", "LastName", "Email", "OwnerId"]
    rows = [["00Q5g00000IaZx7EAF", "Okafor", "zoe@camden.example", "0055g00000AbCdEAAV"]]
    path = write_csv(tmp_path / "Lead.csv", header, rows)
    mapping = {"Id": "external_id", "LastName": "last_name", "Email": "email", "OwnerId": "owner"}

    job = import_file(db, path, actor=actor, errors_path=tmp_path / "e.csv", mapping=mapping)

    assert (job.rows_created, job.rows_reported) == (1, 1)
    [noted] = read_csv(Path(job.error_file or ""))
    assert noted["error_reason"] == (
        "'0055g00000AbCdEAAV' is a Salesforce user id; Huddle finds users by email address "
        "or name (map an owner email column, from Salesforce's User export); imported "
        "without this owner"
    )


def test_a_lead_lists_converted_column_makes_its_converted_leads_customers(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # A public lead list's shape: no email, a prospect id, "Select" for an untouched
    # drop-down, and whether each lead became a paying customer.
    header = ["Prospect ID", "Lead Number", "Lead Source", "City", "Do Not Email", "Converted"]
    rows = [
        ["7927b2df-8bba-4d29-b9a2-b6e0beafe620", "660737", "Olark Chat", "Select", "No", "0"],
        ["2a272436-5132-4136-86fa-dcc88c88f482", "660728", "Organic Search", "Mumbai", "No", "1"],
        ["8cc8c611-a219-4f35-ad23-fdfd2656bd8a", "660727", "Direct Traffic", "Select", "Yes", "1"],
    ]
    path = write_csv(tmp_path / "Leads.csv", header, rows)
    mapping = {
        "Prospect ID": "external_id",
        "City": "city",
        "Do Not Email": "do_not_email",
        "Converted": "converted",
    }

    job = import_file(db, path, actor=actor, errors_path=tmp_path / "e.csv", mapping=mapping)

    assert (job.rows_created, job.rows_failed) == (3, 0)
    stages = {c.external_id[:8]: (c.lifecycle_stage, c.city) for c in db.scalars(select(Contact))}
    assert stages == {
        "7927b2df": ("lead", None),  # "Select" is no city
        "2a272436": ("customer", "Mumbai"),
        "8cc8c611": ("customer", None),
    }

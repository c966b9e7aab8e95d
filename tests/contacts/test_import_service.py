"""Importing contacts: known exports, per-row errors, idempotence, and the service's rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.models import Account, ConsentChange, Contact, EnrichmentCompany, ImportJob
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from huddle.lifecycle.models import StageTransition
from tests.contacts.factories import make_contact
from tests.contacts.fixtures.imports import (
    HUBSPOT,
    SALESFORCE_CONTACTS,
    SALESFORCE_LEADS,
    counts,
    import_file,
    read_csv,
    write_csv,
)


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _count(db: Session, model: type, *where: Any) -> int:
    return db.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _contact(db: Session, email: str) -> Contact:
    return db.scalars(select(Contact).where(Contact.email == email)).one()


def _account_name(db: Session, contact: Contact) -> str | None:
    account = db.get(Account, contact.account_id) if contact.account_id else None
    return account.name if account else None


def test_a_hubspot_export_is_detected_and_mapped(
    db: Session, actor: Actor, admin: User, tmp_path: Path
) -> None:
    job = import_file(db, HUBSPOT, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.source_format, job.status, job.error_file) == ("hubspot", "done", None)
    # 15 rows, two of them an email seen before in another case: 13 contacts. Both come
    # with another record id, which the contact takes (the row's key, as an upsert's).
    assert counts(job) == {"total": 15, "created": 13, "updated": 2, "unchanged": 0, "failed": 0}
    assert _count(db, Contact) == 13
    maria = _contact(db, "maria.gonzalez@northwindtraders.com")
    # The later row (another case of the same address) changed the last name.
    assert (maria.last_name, maria.lifecycle_stage) == ("Gonzalez-Reyes", "mql")
    assert _account_name(db, maria) == "Northwind Traders"
    assert _contact(db, "oliver.smith@hooli.com").lifecycle_stage == "customer"  # Evangelist
    assert _contact(db, "ravi.patel@hotmail.com").lifecycle_stage == "lead"  # Other: default
    priya = _contact(db, "priya.sharma@fabrikam.io")
    assert (priya.owner_id, priya.lifecycle_stage) == (admin.id, "sql")  # "Ada Admin"
    # Free mail never makes an account; an unsubscribe is consent, recorded with its source.
    tom = _contact(db, "tom.becker@gmail.com")
    assert (tom.account_id, tom.email_opt_in, tom.lifecycle_stage) == (
        None,
        "opted_out",
        "subscriber",
    )
    change = db.scalars(select(ConsentChange).where(ConsentChange.contact_id == tom.id)).one()
    assert (change.field, change.old_value, change.new_value) == ("email_opt_in", None, "opted_out")
    assert (change.source, change.by_user_id) == (f"import #{job.id}", admin.id)
    # Every new contact's history starts with the stage it was created in.
    assert _count(db, StageTransition) == 13
    first = db.scalars(select(StageTransition).where(StageTransition.contact_id == priya.id)).one()
    assert (first.from_stage, first.to_stage, first.by_rule) == (None, "sql", f"import #{job.id}")


def test_salesforce_lead_and_contact_exports_are_detected_and_mapped(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    leads = import_file(db, SALESFORCE_LEADS, actor=actor, errors_path=tmp_path / "l.csv")
    contacts = import_file(db, SALESFORCE_CONTACTS, actor=actor, errors_path=tmp_path / "c.csv")

    assert (leads.source_format, contacts.source_format) == (
        "salesforce_lead",
        "salesforce_contact",
    )
    # The repeated addresses come with another record id each: the contact takes it.
    assert counts(leads) == {"total": 12, "created": 11, "updated": 1, "unchanged": 0, "failed": 0}
    assert counts(contacts) == {
        "total": 10,
        "created": 9,
        "updated": 1,
        "unchanged": 0,
        "failed": 0,
    }
    stages = {
        email: _contact(db, email).lifecycle_stage
        for email in (
            "daniel.schmidt@acme-logistics.com",  # Open - Not Contacted
            "grace.liu@brightwave.ai",  # Working - Contacted
            "isabella.costa@vertexsolutions.com.br",  # Closed - Converted
            "lucas.moreau@orange.fr",  # Closed - Not Converted
        )
    }
    assert list(stages.values()) == ["lead", "sal", "sql", "disqualified"]
    grace, ethan = (
        _contact(db, "grace.liu@brightwave.ai"),
        _contact(db, "ethan.brooks@brightwave.ai"),
    )
    assert grace.account_id == ethan.account_id
    account = db.get(Account, grace.account_id)
    assert account is not None and (account.name, account.domain) == (
        "Brightwave AI",
        "brightwave.ai",
    )
    yuki = _contact(db, "yuki.sato@kaizen-robotics.jp")
    assert (yuki.email_opt_in, yuki.do_not_call) == ("opted_out", True)
    julia = _contact(db, "julia.novak@lumenpharma.cz")
    assert (julia.city, julia.country, julia.department) == (
        "Prague",
        "Czech Republic",
        "Procurement",
    )
    assert _account_name(db, julia) == "Lumen Pharma"
    assert _contact(db, "peter.andersen@gmail.com").account_id is None


def test_bad_rows_are_reported_precisely_and_the_good_rows_imported(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "email,first_name,last_name,lifecycle_stage,do_not_call,custom.seats\r\n"
        "ana@acme.com,Ana,Ruiz,mql,false,10\r\n"
        "not-an-email,Bo,Berg,lead,,\r\n"
        "\r\n"
        'cy@acme.com,Cy,"Long\r\nName",guru,maybe,\r\n'
        "dee@acme.com,Dee,Dunn,lead,true,many\r\n"
        ",No,Email,lead,,\r\n"
        "ed@acme.com,Ed,Eng,Sales Qualified Lead,yes,3\r\n"
        "fay@acme.com,Fay\r\n",
        encoding="utf-8",
    )
    service.define_custom_field(
        db,
        CustomFieldDefinitionCreate(
            entity="contact", key="seats", label="Seats", field_type="number"
        ),
        actor=actor,
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert counts(job) == {"total": 7, "created": 2, "updated": 0, "unchanged": 0, "failed": 5}
    assert job.error_file == str(errors)
    report = read_csv(errors)
    assert [(r["error_line"], r["error_column"], r["error_reason"]) for r in report] == [
        ("3", "email", "'not-an-email' is not an email address"),
        (
            "5",
            "lifecycle_stage; do_not_call",
            "unknown lifecycle stage 'guru'; expected one of Subscriber, Lead, MQL, SAL, SQL, "
            "Opportunity, Customer, Lost, Disqualified, Recycled; 'maybe' is not yes or no "
            "(true/false, y/n, 1/0, x, checked)",
        ),
        ("7", "custom.seats", "'many' is not a number"),
        ("8", "email", "a row needs an email or an external id"),
        ("10", "", "the row has 2 cells but the header has 6 columns"),
    ]
    # The row as it was follows the reason, under the file's own header.
    assert (report[1]["email"], report[1]["last_name"]) == ("cy@acme.com", "Long\r\nName")
    ed = _contact(db, "ed@acme.com")
    assert (ed.lifecycle_stage, ed.do_not_call, ed.custom) == ("sql", True, {"seats": 3})
    assert _contact(db, "ana@acme.com").custom == {"seats": 10}


def test_importing_the_same_file_again_changes_nothing(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    first = import_file(db, HUBSPOT, actor=actor, errors_path=tmp_path / "1.csv")
    before = {
        model.__name__: _count(db, model)
        for model in (Contact, Account, StageTransition, ConsentChange)
    }
    stamps = dict(db.execute(select(Contact.email, Contact.updated_at)).all())

    again = import_file(db, HUBSPOT, actor=actor, errors_path=tmp_path / "2.csv")

    assert counts(again) == {"total": 15, "created": 0, "updated": 0, "unchanged": 15, "failed": 0}
    after = {
        model.__name__: _count(db, model)
        for model in (Contact, Account, StageTransition, ConsentChange)
    }
    assert after == before
    assert dict(db.execute(select(Contact.email, Contact.updated_at)).all()) == stamps
    assert (first.file_sha256, _count(db, ImportJob)) == (again.file_sha256, 2)


def test_the_same_email_in_another_chunk_applies_in_file_order(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    rows = [["JAMES.OKAFOR@contoso.com", "James", "lead"]]
    rows += [[f"p{n}@contoso.com", f"P{n}", "lead"] for n in range(4)]
    rows += [["james.okafor@CONTOSO.com", "Jim", "lead"]]
    source = write_csv(tmp_path / "dupes.csv", ["email", "first_name", "lifecycle_stage"], rows)

    first = import_file(db, source, actor=actor, errors_path=tmp_path / "1.csv", chunk_size=2)
    assert counts(first) == {"total": 6, "created": 5, "updated": 1, "unchanged": 0, "failed": 0}
    assert _contact(db, "james.okafor@contoso.com").first_name == "Jim"
    stages = _count(db, StageTransition)

    # Chunk by chunk the first row sets "James" back, the last "Jim" again: the rows count
    # as updated, but the contact ends as it was and nothing else is written.
    again = import_file(db, source, actor=actor, errors_path=tmp_path / "2.csv", chunk_size=2)
    assert counts(again) == {"total": 6, "created": 0, "updated": 2, "unchanged": 4, "failed": 0}
    assert _contact(db, "james.okafor@contoso.com").first_name == "Jim"
    assert _count(db, StageTransition) == stages
    # Within one chunk (the default holds thousands of rows) the rows fold: all unchanged.
    third = import_file(db, source, actor=actor, errors_path=tmp_path / "3.csv")
    assert counts(third) == {"total": 6, "created": 0, "updated": 0, "unchanged": 6, "failed": 0}


def test_a_stage_given_for_an_existing_contact_moves_it_through_the_lifecycle(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    moving = make_contact(db, email="moving@acme.com", lifecycle_stage="lead", job_title="CTO")
    stuck = make_contact(db, email="stuck@acme.com", lifecycle_stage="customer", job_title="CFO")
    source = write_csv(
        tmp_path / "stages.csv",
        ["email", "lifecycle_stage", "job_title"],
        [["moving@acme.com", "mql", "CEO"], ["stuck@acme.com", "subscriber", "CEO"]],
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert counts(job) == {"total": 2, "created": 0, "updated": 1, "unchanged": 0, "failed": 1}
    db.refresh(moving)
    db.refresh(stuck)
    assert (moving.lifecycle_stage, moving.job_title) == ("mql", "CEO")
    move = db.scalars(select(StageTransition).where(StageTransition.contact_id == moving.id)).one()
    assert (move.from_stage, move.to_stage, move.reason) == ("lead", "mql", f"import #{job.id}")
    # A move the configuration does not allow fails the whole row: the title stays too.
    assert (stuck.lifecycle_stage, stuck.job_title) == ("customer", "CFO")
    (row,) = read_csv(errors)
    assert (row["error_line"], row["error_column"]) == ("3", "lifecycle_stage")
    assert row["error_reason"].startswith("a contact in Customer cannot move to Subscriber")


def test_a_manual_mapping_maps_any_headers(db: Session, actor: Actor, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "messe.csv",
        ["E-Mail-Adresse", "Vorname", "Nachname", "Firma", "Notiz"],
        [["Jonas.Weber@Kraftwerk-Solar.DE", "Jonas", "Weber", "Kraftwerk Solar", "Stand 4"]],
    )
    mapping = {
        "E-Mail-Adresse": "email",
        "Vorname": "first_name",
        "Nachname": "last_name",
        "Firma": "company",
        "Notiz": None,
    }
    job = import_file(db, source, actor=actor, errors_path=tmp_path / "e.csv", mapping=mapping)

    assert (job.source_format, job.mapping) == (
        "manual",
        {
            "E-Mail-Adresse": "email",
            "Vorname": "first_name",
            "Nachname": "last_name",
            "Firma": "company",
        },
    )
    jonas = _contact(db, "jonas.weber@kraftwerk-solar.de")
    assert (jonas.first_name, _account_name(db, jonas)) == ("Jonas", "Kraftwerk Solar")
    account = db.get(Account, jonas.account_id)
    assert account is not None and account.domain == "kraftwerk-solar.de"


def test_a_mapping_with_unknown_targets_is_refused_before_anything_is_imported(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "x.csv", ["Mail", "Title"], [["a@acme.com", "CTO"]])
    with pytest.raises(ValidationFailed) as refused:
        import_file(
            db,
            source,
            actor=actor,
            errors_path=tmp_path / "e.csv",
            mapping={"Mail": "email", "Title": "title", "Phone": "phone", "Mail2": "custom.nope"},
        )
    assert [(e.field, e.message) for e in refused.value.errors] == [
        (
            "mapping.Title",
            "unknown field 'title'; expected one of email, external_id, first_name, last_name, "
            "job_title, "
            "seniority, department, phone, country, city, company, company_domain, owner, "
            "owner_id, lifecycle_stage, converted, email_opt_in, do_not_email, do_not_call, "
            "created_at, "
            "stage_dates.<stage> or custom.<key>",
        ),
        ("mapping.Phone", "the file has no column 'Phone'"),
        ("mapping.Mail2", "the file has no column 'Mail2'"),
    ]
    with pytest.raises(ValidationFailed) as unmapped:
        import_file(
            db, source, actor=actor, errors_path=tmp_path / "e.csv", mapping={"Title": "job_title"}
        )
    assert [e.message for e in unmapped.value.errors] == [
        "no column is mapped to 'email' or to 'external_id'"
    ]
    assert (_count(db, ImportJob), _count(db, Contact)) == (0, 0)


def test_a_new_account_is_enriched_from_the_companies_table(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    db.add(
        EnrichmentCompany(
            domain="hooli.com",
            name="Hooli Inc.",
            industry="Software",
            employee_count=9000,
            technologies=["Kubernetes"],
        )
    )
    db.flush()
    source = write_csv(tmp_path / "h.csv", ["email", "company"], [["gavin@hooli.com", "Hooli"]])
    import_file(db, source, actor=actor, errors_path=tmp_path / "e.csv")
    account = db.scalars(select(Account).where(Account.domain == "hooli.com")).one()
    # The name a person gave stays; the empty fields are filled.
    assert (account.name, account.industry, account.employee_count) == ("Hooli", "Software", 9000)
    assert account.technologies == ["Kubernetes"]
    assert set(account.enriched_fields) == {"industry", "employee_count", "technologies"}


def test_a_windows_1252_file_is_read_as_such(db: Session, actor: Actor, tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes("email,first_name\r\nrene@acme.fr,René\r\n".encode("cp1252"))
    import_file(db, source, actor=actor, errors_path=tmp_path / "e.csv")
    assert _contact(db, "rene@acme.fr").first_name == "René"

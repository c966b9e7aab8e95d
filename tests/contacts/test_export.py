"""Exporting contacts as CSV: the list's filters, formula-safe cells, and a clean round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.importing.csvcells import csv_lines, escape_cell, unescape_cell
from huddle.contacts.schemas import ContactCreate, CustomFieldDefinitionCreate
from huddle.core.actor import Actor
from tests.conftest import make_user
from tests.contacts.fixtures.imports import counts, import_file


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _seed(db: Session, admin: User) -> None:
    actor = Actor.user(admin.id, role="admin")
    seller = make_user(db, name="Sam Seller", role="sales_rep", team="sales")
    people = [
        ContactCreate(
            email="ann@acme.com",
            first_name="Ann",
            last_name="Lee",
            company="Acme",
            lifecycle_stage="mql",
            owner_id=seller.id,
            phone="+1 555 0100",
        ),
        ContactCreate(
            email="bob@globex.com",
            first_name="Bob",
            last_name='=HYPERLINK("x")',
            lifecycle_stage="lead",
            job_title="@risk analyst",
        ),
        ContactCreate(
            email="cy@gmail.com",
            first_name="Cy",
            last_name="-Minus",
            lifecycle_stage="mql",
            email_opt_in="opted_out",
            do_not_call=True,
        ),
    ]
    for data in people:
        service.upsert_contact(db, data, actor=actor)


def test_export_streams_csv_with_the_list_filters(
    client: TestClient, db: Session, admin: User
) -> None:
    _seed(db, admin)
    response = client.get("/api/v1/contacts/export.csv", params={"stage": "mql"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert sorted(r["email"] for r in _rows(response.text)) == ["ann@acme.com", "cy@gmail.com"]

    searched = _rows(client.get("/api/v1/contacts/export.csv", params={"q": "bob"}).text)
    assert [r["email"] for r in searched] == ["bob@globex.com"]
    everyone = _rows(client.get("/api/v1/contacts/export.csv").text)
    assert len(everyone) == 3
    owned = _rows(
        client.get("/api/v1/contacts/export.csv", params={"owner_id": everyone[0]["owner_id"]}).text
    )
    assert [r["email"] for r in owned] == ["ann@acme.com"]


def test_cells_that_a_spreadsheet_would_run_are_quoted(
    client: TestClient, db: Session, admin: User
) -> None:
    _seed(db, admin)
    rows = {r["email"]: r for r in _rows(client.get("/api/v1/contacts/export.csv").text)}
    assert rows["bob@globex.com"]["last_name"] == '\'=HYPERLINK("x")'
    assert rows["bob@globex.com"]["job_title"] == "'@risk analyst"
    assert rows["cy@gmail.com"]["last_name"] == "'-Minus"
    assert rows["ann@acme.com"]["phone"] == "'+1 555 0100"
    assert rows["ann@acme.com"]["account_name"] == "Acme"


def test_an_export_imports_back_changing_nothing(
    client: TestClient, db: Session, admin: User, tmp_path: Path
) -> None:
    _seed(db, admin)
    service.define_custom_field(
        db,
        CustomFieldDefinitionCreate(
            entity="contact", key="seats", label="Seats", field_type="number"
        ),
        actor=Actor.user(admin.id, role="admin"),
    )
    ann = service.upsert_contact(
        db,
        ContactCreate(email="ann@acme.com", custom={"seats": 40}),
        actor=Actor.user(admin.id, role="admin"),
    )[0]
    exported = tmp_path / "contacts.csv"
    exported.write_text(client.get("/api/v1/contacts/export.csv").text, encoding="utf-8")

    job = import_file(
        db, exported, actor=Actor.user(admin.id, role="admin"), errors_path=tmp_path / "e.csv"
    )

    assert job.source_format == "huddle"
    assert counts(job) == {"total": 3, "created": 0, "updated": 0, "unchanged": 3, "failed": 0}
    db.refresh(ann)
    assert (ann.last_name, ann.phone, ann.custom) == ("Lee", "+1 555 0100", {"seats": 40})


def test_an_edited_export_updates_only_what_was_edited(
    client: TestClient, db: Session, admin: User, tmp_path: Path
) -> None:
    _seed(db, admin)
    rows = _rows(client.get("/api/v1/contacts/export.csv").text)
    for row in rows:
        if row["email"] == "bob@globex.com":
            row["job_title"] = "Chief Risk Officer"
    edited = tmp_path / "edited.csv"
    edited.write_text("".join(csv_lines(list(rows[0]), [list(r.values()) for r in rows])))

    job = import_file(
        db, edited, actor=Actor.user(admin.id, role="admin"), errors_path=tmp_path / "e.csv"
    )

    assert (job.rows_updated, job.rows_unchanged, job.rows_failed) == (1, 2, 0)
    bob = service.list_contacts(db).items
    assert {c.email: c.job_title for c in bob}["bob@globex.com"] == "Chief Risk Officer"
    # The quoted "=..." name came back without its quote, as it was.
    assert {c.email: c.last_name for c in bob}["bob@globex.com"] == '=HYPERLINK("x")'


def test_escaping_is_undone_on_import_and_only_for_formula_starts() -> None:
    for value in ("=1+1", "+44 20 7946 0321", "-5+1", "-A1", "@home", "\tx"):
        assert escape_cell(value) == "'" + value
        assert unescape_cell(escape_cell(value)) == value
    # A signed number is a number to a spreadsheet, not a formula.
    for value in ("O'Brien", "'quoted'", "plain", "", "-5", "-7.25", "+3", "-1e3"):
        assert escape_cell(value) == value
        assert unescape_cell(value) == value


def test_numbers_stay_numbers_and_a_file_without_email_round_trips(
    client: TestClient, db: Session, admin: User, tmp_path: Path
) -> None:
    actor = Actor.user(admin.id, role="admin")
    service.define_custom_field(
        db,
        CustomFieldDefinitionCreate(
            entity="contact", key="balance", label="Balance", field_type="number"
        ),
        actor=actor,
    )
    kim, _ = service.upsert_contact(
        db,
        ContactCreate(external_id="003K", first_name="Kim", custom={"balance": -7.5}),
        actor=actor,
    )
    kim.score = -7
    db.flush()
    text = client.get("/api/v1/contacts/export.csv").text
    (row,) = _rows(text)
    # A negative number is a number to a spreadsheet: written as it is, never quoted.
    assert (row["score"], row["custom.balance"], row["external_id"]) == ("-7", "-7.5", "003K")
    assert "'-7" not in text
    exported = tmp_path / "contacts.csv"
    exported.write_text(text, encoding="utf-8")

    kim.first_name, kim.custom = "Changed", {"balance": 1}
    db.flush()
    job = import_file(db, exported, actor=actor, errors_path=tmp_path / "e.csv")

    assert counts(job) == {"total": 1, "created": 0, "updated": 1, "unchanged": 0, "failed": 0}
    db.refresh(kim)
    assert (kim.email, kim.first_name, kim.custom) == (None, "Kim", {"balance": -7.5})

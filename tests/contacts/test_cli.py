"""The CLI commits through its own unit of work, so these tests use a database of their own."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from huddle.cli import app
from huddle.contacts.models import (
    Account,
    Contact,
    CustomFieldDefinition,
    EnrichmentCompany,
    ImportJob,
)
from huddle.core.db import make_engine
from huddle.core.migrations import upgrade
from huddle.core.settings import get_settings
from huddle.lifecycle.models import StageTransition
from tests.contacts.fixtures.imports import HUBSPOT, SALESFORCE_LEADS, read_csv, write_csv

runner = CliRunner()


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    monkeypatch.setenv("HUDDLE_DATABASE_URL", url)
    monkeypatch.setenv("HUDDLE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield engine
    get_settings.cache_clear()
    engine.dispose()


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_import_reports_the_format_and_counts_and_changes_nothing_the_second_time(
    cli_db: Engine, tmp_path: Path
) -> None:
    first = runner.invoke(app, ["import", "contacts", str(SALESFORCE_LEADS)])
    assert first.exit_code == 0, first.output
    assert "Salesforce Lead export detected, read as UTF-8." in first.output
    # The repeated address comes with another record id: the contact takes the later one.
    assert "12 rows: 11 created, 1 updated, 0 unchanged, 0 failed." in first.output
    contacts, stages = _count(cli_db, Contact), _count(cli_db, StageTransition)
    # Each lead entered Lead on its CreatedDate; the six in another status moved on since.
    assert (contacts, stages) == (11, 17)

    again = runner.invoke(app, ["import", "contacts", str(SALESFORCE_LEADS)])
    assert again.exit_code == 0, again.output
    assert "12 rows: 0 created, 0 updated, 12 unchanged, 0 failed." in again.output
    assert (_count(cli_db, Contact), _count(cli_db, StageTransition)) == (contacts, stages)
    assert _count(cli_db, ImportJob) == 2


def test_rows_to_look_at_go_to_the_errors_file_and_the_exit_code_says_so(
    cli_db: Engine, tmp_path: Path
) -> None:
    # HubSpot's third row names "Ada Admin" as owner, who is not a user of this database:
    # the contact goes in unassigned, and the row is reported with why.
    errors = tmp_path / "errors.csv"
    result = runner.invoke(app, ["import", "contacts", str(HUBSPOT), "--errors", str(errors)])
    assert result.exit_code == 1, result.output
    assert (
        "15 rows: 13 created, 2 updated, 0 unchanged, 0 failed, "
        "1 imported with a problem to check." in result.output
    )
    (row,) = read_csv(errors)
    assert (row["error_line"], row["error_column"], row["Email"]) == (
        "4",
        "Contact owner",
        "priya.sharma@fabrikam.io",
    )
    assert row["error_reason"] == (
        "no user with the email address or name 'Ada Admin'; imported without this owner"
    )
    with Session(cli_db) as session:
        priya = session.scalars(
            select(Contact).where(Contact.email == "priya.sharma@fabrikam.io")
        ).one()
        job = session.scalars(select(ImportJob)).one()
    assert priya.owner_id is None
    assert (job.rows_failed, job.rows_reported) == (0, 1)


def test_a_manual_mapping_file_and_an_unknown_target(cli_db: Engine, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "list.csv", ["Mail", "Firma"], [["eva@nordwind.de", "Nordwind"]])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"Mail": "email", "Firma": "firm"}))
    refused = runner.invoke(app, ["import", "contacts", str(data), "--mapping", str(bad)])
    assert refused.exit_code == 2
    assert "mapping.Firma: unknown field 'firm'" in refused.output
    assert _count(cli_db, ImportJob) == 0

    good = tmp_path / "good.json"
    good.write_text(json.dumps({"Mail": "email", "Firma": "company"}))
    result = runner.invoke(app, ["import", "contacts", str(data), "--mapping", str(good)])
    assert result.exit_code == 0, result.output
    assert "columns mapped by --mapping, read as UTF-8" in result.output
    with Session(cli_db) as session:
        account = session.scalars(select(Account)).one()
    assert (account.name, account.domain) == ("Nordwind", "nordwind.de")


def test_export_writes_the_filtered_contacts(cli_db: Engine, tmp_path: Path) -> None:
    assert runner.invoke(app, ["import", "contacts", str(SALESFORCE_LEADS)]).exit_code == 0
    target = tmp_path / "sal.csv"
    result = runner.invoke(app, ["export", "contacts", str(target), "--stage", "sal"])
    assert result.exit_code == 0, result.output
    assert "Exported 3 contacts" in result.output
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["email"] for r in rows) == [
        "grace.liu@brightwave.ai",
        "hannah.johansson@nordicsoft.se",
        "noah.williams@summit-health.org",
    ]
    unknown = runner.invoke(app, ["export", "contacts", str(target), "--owner", "nobody@x.com"])
    assert unknown.exit_code == 2
    assert "no user with the email address or name 'nobody@x.com'" in unknown.output


def test_enrich_load_counts_companies_and_lists_bad_rows(cli_db: Engine, tmp_path: Path) -> None:
    good = write_csv(
        tmp_path / "companies.csv",
        ["domain", "name", "industry", "employee_count"],
        [["acme.com", "Acme", "Software", "250"], ["https://www.globex.de/", "Globex", "", ""]],
    )
    result = runner.invoke(app, ["enrich", "load", str(good)])
    assert result.exit_code == 0, result.output
    assert "Loaded 2 companies" in result.output
    assert _count(cli_db, EnrichmentCompany) == 2

    bad = write_csv(
        tmp_path / "bad.csv",
        ["domain", "employee_count"],
        [["initech.com", "lots"], ["not a domain", "5"]],
    )
    refused = runner.invoke(app, ["enrich", "load", str(bad)])
    assert refused.exit_code == 1
    assert "employee_count: line 2: 'lots' is not a whole number" in refused.output
    assert "domain: line 3: 'not a domain' is not a domain" in refused.output
    assert _count(cli_db, EnrichmentCompany) == 2


def test_import_says_when_a_file_is_read_as_windows_1252(cli_db: Engine, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("email,first_name\r\nrene@acme.fr,René\r\n".encode("cp1252"))
    result = runner.invoke(app, ["import", "contacts", str(path)])
    assert result.exit_code == 0, result.output
    assert "Huddle contacts export detected, read as Windows-1252." in result.output


def test_the_exit_codes_are_the_ones_the_help_documents(cli_db: Engine, tmp_path: Path) -> None:
    help_text = runner.invoke(app, ["import", "contacts", "--help"]).output
    assert "2 nothing was imported" in " ".join(help_text.split())
    good = write_csv(tmp_path / "good.csv", ["email"], [["ann@acme.com"], ["bo@acme.com"]])
    some = write_csv(tmp_path / "some.csv", ["email"], [["cy@acme.com"], ["not-an-email"]])
    none = write_csv(tmp_path / "none.csv", ["email"], [["nope"], ["neither"]])
    empty = write_csv(tmp_path / "empty.csv", ["email"], [])
    unknown = write_csv(tmp_path / "unknown.csv", ["Mail"], [["dee@acme.com"]])

    codes = {
        path.stem: runner.invoke(app, ["import", "contacts", str(path)]).exit_code
        for path in (good, some, none, empty, unknown)
    }

    assert codes == {"good": 0, "some": 1, "none": 2, "empty": 2, "unknown": 2}
    assert _count(cli_db, Contact) == 3


def test_the_key_and_clear_empty_options(cli_db: Engine, tmp_path: Path) -> None:
    first = write_csv(
        tmp_path / "a.csv", ["external_id", "email", "city"], [["X1", "ann@acme.com", "Oslo"]]
    )
    assert runner.invoke(app, ["import", "contacts", str(first)]).exit_code == 0
    moved = write_csv(
        tmp_path / "b.csv", ["external_id", "email", "city"], [["X1", "ann@newco.com", ""]]
    )
    result = runner.invoke(
        app, ["import", "contacts", str(moved), "--key", "external_id", "--clear-empty"]
    )
    assert result.exit_code == 0, result.output
    with Session(cli_db) as session:
        ann = session.scalars(select(Contact)).one()
        job = session.scalars(select(ImportJob).order_by(ImportJob.id.desc())).first()
    assert (ann.email, ann.external_id, ann.city) == ("ann@newco.com", "X1", None)
    assert job is not None and (job.dedupe_key, job.clear_empty) == ("external_id", True)
    bad = runner.invoke(app, ["import", "contacts", str(moved), "--key", "phone"])
    assert bad.exit_code == 2
    assert "key: 'phone' is not a key" in bad.output


def test_new_fields_defines_the_files_own_columns_typed_from_all_their_values(
    cli_db: Engine, tmp_path: Path
) -> None:
    # The choice's fifth value appears only on the last rows: typed from every value, the
    # field takes it, and no row is refused.
    rows = [
        [f"P{i}", ["Web", "Ads", "Event", "Partner"][i % 4], str(i * 10), "Yes", "Select", "1"]
        for i in range(40)
    ] + [["P40", "Podcast", "5", "No", "Finance", "0"], ["P41", "Podcast", "", "No", "", "0"]]
    path = write_csv(
        tmp_path / "leads.csv",
        ["Prospect ID", "Lead Origin", "Time on Site", "Do Not Email", "Specialization", "Won"],
        rows,
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"Prospect ID": "external_id", "Won": "custom.won"}))
    args = ["import", "contacts", str(path), "--mapping", str(mapping), "--key", "external_id"]

    refused = runner.invoke(app, args)
    assert refused.exit_code == 2
    assert "'custom.won' is not a custom field of contacts; define it first" in refused.output

    result = runner.invoke(app, [*args, "--new-fields"])
    assert result.exit_code == 0, result.output
    assert "Custom field defined: Lead Origin -> custom.lead_origin (choice)" in result.output
    assert "Custom field defined: Time on Site -> custom.time_on_site (number)" in result.output
    assert "Custom field defined: Do Not Email -> custom.do_not_email (boolean)" in result.output
    assert "Custom field defined: Won -> custom.won (number)" in result.output
    assert "42 rows: 42 created, 0 updated, 0 unchanged, 0 failed." in result.output
    with Session(cli_db) as session:
        origin = session.scalars(
            select(CustomFieldDefinition).where(CustomFieldDefinition.key == "lead_origin")
        ).one()
        assert origin.choices[-1] == "Podcast" and origin.label == "Lead Origin"
        last = session.scalars(select(Contact).where(Contact.external_id == "P40")).one()
        assert last.custom["lead_origin"] == "Podcast" and last.custom["time_on_site"] == 5

    # Defined once: a second import defines nothing and changes nothing.
    again = runner.invoke(app, [*args, "--new-fields"])
    assert again.exit_code == 0, again.output
    assert "Custom field defined" not in again.output
    assert "42 unchanged" in again.output


def test_the_command_line_settles_early_month_dates_day_first(
    cli_db: Engine, tmp_path: Path
) -> None:
    source = write_csv(
        tmp_path / "early.csv",
        ["Email", "Created"],
        [["ann@uk.test", "03/04/2024"], ["bo@uk.test", "01/02/2024"]],
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text('{"Email": "email", "Created": "created_at"}')

    result = runner.invoke(
        app, ["import", "contacts", str(source), "--mapping", str(mapping), "--day-first"]
    )

    assert result.exit_code == 0, result.output
    with Session(cli_db) as session:
        ann = session.scalars(select(Contact).where(Contact.email == "ann@uk.test")).one()
    assert ann.created_at == datetime(2024, 4, 3, tzinfo=UTC)

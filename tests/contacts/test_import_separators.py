"""Files whose cells are separated by semicolons, tabs or bars, as Excel saves them in
much of Europe ("CSV (semicolon)", a ``sep=;`` first line) and as "Unicode text"."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core.actor import Actor
from huddle.core.csvfiles import delimiter_of
from tests.contacts.fixtures.imports import import_file, read_csv
from tests.contacts.test_import_wizard_api import _preview


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _people(db: Session) -> dict[str, tuple[str | None, str | None]]:
    return {c.email or "": (c.first_name, c.city) for c in db.scalars(select(Contact))}


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ("Email;First Name;Last Name\r\n", ";"),
        ('"Record ID";"City, Region";"Email"\n', ";"),  # a comma inside a quoted name
        ("Email\tFirst Name\n", "\t"),
        ("Email|First Name|Last Name\n", "|"),
        ("Email,First Name,Notes; more\n", ","),  # more commas than semicolons
        ("Email\n", ","),  # one column: nothing to tell
    ],
)
def test_the_separator_is_the_one_the_header_separates_its_names_by(
    line: str, delimiter: str
) -> None:
    assert delimiter_of(line) == delimiter


def test_a_semicolon_separated_hubspot_export_from_european_excel(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "hubspot-eu.csv"
    text = (
        "Record ID;First Name;Last Name;Email;City;Lifecycle Stage\r\n"
        '9001;Zoë;Müller;zoe@acme.de;"Köln; Altstadt";Lead\r\n'
        "9002;Jörg;Weiß;jorg@acme.de;München;Customer\r\n"
    )
    source.write_bytes(text.encode("cp1252"))

    job = import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.source_format, job.encoding, job.rows_created, job.rows_failed) == (
        "hubspot",
        "cp1252",
        2,
        0,
    )
    assert _people(db) == {
        "zoe@acme.de": ("Zoë", "Köln; Altstadt"),
        "jorg@acme.de": ("Jörg", "München"),
    }


def test_excels_unicode_text_is_tab_separated_utf16(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "unicode.txt"
    text = "email\tfirst_name\tcity\r\nli@acme.cn\t李\t上海\r\nana@acme.pt\tAna\tPorto, Norte\r\n"
    source.write_bytes(text.encode("utf-16"))

    job = import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.rows_created, job.rows_failed) == (2, 0)
    assert _people(db) == {"li@acme.cn": ("李", "上海"), "ana@acme.pt": ("Ana", "Porto, Norte")}


def test_a_sep_line_says_the_separator_and_the_lines_are_still_counted_from_the_top(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "sep.csv"
    source.write_text(
        "sep=;\r\nemail;first_name\r\nann@acme.com;Ann\r\nnot-an-address;Bo\r\n", encoding="utf-8"
    )

    job = import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.mapping, job.rows_created, job.rows_failed) == (
        {"email": "email", "first_name": "first_name"},
        1,
        1,
    )
    [failed] = read_csv(Path(job.error_file or ""))
    # Line 4 of the file: the sep line, the header, Ann's row, then this one.
    assert (failed["error_line"], failed["error_column"]) == ("4", "email")


def test_the_wizards_preview_splits_the_columns_and_names_the_separator(
    client: TestClient, tmp_path: Path
) -> None:
    source = tmp_path / "leads.csv"
    source.write_text("Email;First Name;Lifecycle Stage\r\nann@acme.com;Ann;Lead\r\n")

    preview = _preview(client, source)

    assert (preview["header"], preview["separator"]) == (
        ["Email", "First Name", "Lifecycle Stage"],
        "semicolons",
    )
    assert preview["sample_rows"] == [["ann@acme.com", "Ann", "Lead"]]

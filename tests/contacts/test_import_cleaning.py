"""Clean values: placeholders read as empty, one spelling per category, yes/no, numbers and
dates as a person means them, and re-imports that clear fields only when asked to."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.importing.cleaning import (
    CATEGORY,
    DEFAULT_PLACEHOLDERS,
    CellError,
    ColumnKind,
    Placeholders,
    custom_kind,
    detect_date_format,
    parse_boolean,
    parse_date,
    parse_number,
    preview_columns,
)
from huddle.contacts.importing.service import ImportOptions, create_import, run_import
from huddle.contacts.models import Contact, ImportJob
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.core.actor import Actor
from tests.contacts.fixtures.imports import counts, same_session, write_csv


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _define(db: Session, actor: Actor, key: str, field_type: str, **more: object) -> None:
    service.define_custom_field(
        db,
        CustomFieldDefinitionCreate(
            entity="contact", key=key, label=key.title(), field_type=field_type, **more
        ),
        actor=actor,
    )


def _import(db: Session, path: Path, actor: Actor, tmp_path: Path, **options: object) -> ImportJob:
    job = create_import(
        db,
        path,
        filename=path.name,
        mapping=None,
        actor=actor,
        options=ImportOptions(**options),  # type: ignore[arg-type]
    )
    return run_import(
        lambda: same_session(db), job.id, path, errors_path=tmp_path / f"{job.id}-errors.csv"
    )


def _contact(db: Session, email: str) -> Contact:
    return db.scalars(select(Contact).where(Contact.email == email)).one()


# --- values one by one ---------------------------------------------------------------------


def test_placeholders_are_matched_trimmed_and_ignoring_case() -> None:
    words = Placeholders()
    for value in ("N/A", "n/a", "NULL", "None", "please select", "Select", "-", "--", "#N/A"):
        assert value in words, value
    # "unknown" is a value some CRMs give on purpose (a lead's origin): kept, and counted.
    for value in ("Nadia", "North America", "0", "x", "—n/a—", "Unknown", "Selected"):
        assert value not in words, value
    mine = Placeholders(["TBD"])
    assert "tbd" in mine and "N/A" not in mine


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,234.50", 1234.5),
        ("1 234,50", 1234.5),
        ("1.234,50", 1234.5),
        ("1\u00a0234", 1234),
        ("1,234,567", 1234567),
        ("1.234.567", 1234567),
        ("3,5", 3.5),
        ("-7", -7),
        ("12.25", 12.25),
        ("0", 0),
    ],
)
def test_numbers_with_thousands_separators(text: str, number: float) -> None:
    assert parse_number(text) == number
    assert type(parse_number(text)) is type(number)


@pytest.mark.parametrize("text", ["12 apples", "1,2,3", "1.2.3", "--5", ""])
def test_what_is_not_a_number_says_so(text: str) -> None:
    with pytest.raises(CellError, match="is not a number"):
        parse_number(text)


def test_yes_and_no_words() -> None:
    for word in ("yes", "Y", "TRUE", "1", "x", "Checked"):
        assert parse_boolean(word) is True
    for word in ("no", "N", "false", "0", "unchecked"):
        assert parse_boolean(word) is False
    with pytest.raises(CellError, match="'maybe' is not yes or no"):
        parse_boolean("maybe")


@pytest.mark.parametrize(
    ("values", "expected", "ambiguous"),
    [
        (["2024-03-14", "2024-11-02"], "iso", False),
        (["2024-03-14 10:00", "2024-03-15T08:30:00Z"], "iso", False),
        (["03/14/2024", "04/02/2024"], "%m/%d/%Y", False),
        (["02/04/2024", "14/03/2024"], "%d/%m/%Y", False),
        (["02/04/2024", "03/05/2024"], "%m/%d/%Y", True),
        (["14.03.2024"], "%d.%m.%Y", False),
        (["Mar 14, 2024", "Nov 2, 2024"], "%b %d, %Y", False),
        (["1710410400000"], "epoch_ms", False),
        (["soon"], None, False),
    ],
)
def test_a_columns_date_format_is_found_from_all_its_values(
    values: list[str], expected: str | None, ambiguous: bool
) -> None:
    found = detect_date_format(values)
    assert (found.date_format, found.ambiguous) == (expected, ambiguous)


def test_dates_read_in_their_format() -> None:
    assert parse_date("14/03/2024", "%d/%m/%Y") == date(2024, 3, 14)
    assert parse_date("03/14/2024 10:00", "%m/%d/%Y") == datetime(2024, 3, 14, 10, tzinfo=UTC)
    assert parse_date("1710410400000", "epoch_ms") == datetime(2024, 3, 14, 10, tzinfo=UTC)
    with pytest.raises(CellError, match=r"not a date in the column's format \(DD/MM/YYYY\)"):
        parse_date("03/14/2024", "%d/%m/%Y")


def test_a_preview_counts_what_cleaning_does_to_each_column() -> None:
    header = ["Email", "Source", "Seats", "Signed up", "Title"]
    rows = [
        ["a@acme.com", "LinkedIn", "1,200", "14/03/2024", "N/A"],
        ["b@acme.com", "linkedin", "n/a", "02/04/2024", "CEO"],
        ["c@acme.com", "LINKEDIN", "3", "", "Please select"],
        ["d@acme.com", "Webinar", "-", "(blank)", " select "],
    ]
    stats = preview_columns(
        header,
        rows,
        {
            "Source": CATEGORY,
            "Seats": ColumnKind("number"),
            "Signed up": ColumnKind("date"),
            "Title": ColumnKind(),
        },
    )
    assert (stats["Source"].case_folded, stats["Source"].placeholders) == (2, 0)
    assert (stats["Seats"].placeholders, stats["Seats"].converted) == (2, 2)
    assert (stats["Signed up"].date_format, stats["Signed up"].date_format_label) == (
        "%d/%m/%Y",
        "DD/MM/YYYY",
    )
    assert stats["Signed up"].placeholders == 1
    assert stats["Title"].placeholders == 3
    assert stats["Title"].placeholder_words == {"N/A": 1, "Please select": 1, "select": 1}


def test_a_choice_fields_own_spelling_wins() -> None:
    stats = preview_columns(
        ["Source"],
        [["linkedin"], ["LinkedIn"], ["LINKEDIN"]],
        {"Source": custom_kind("choice", ["LinkedIn", "Webinar"])},
    )
    assert stats["Source"].case_folded == 2


# --- in an import --------------------------------------------------------------------------


def test_an_import_cleans_placeholders_categories_booleans_numbers_and_dates(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    _define(db, actor, "source", "choice", choices=["LinkedIn", "Webinar"])
    _define(db, actor, "seats", "number")
    _define(db, actor, "trial", "boolean")
    _define(db, actor, "signed_up", "date")
    path = write_csv(
        tmp_path / "messy.csv",
        ["email", "job_title", "seniority", "custom.source", "custom.seats", "custom.trial",
         "custom.signed_up"],
        [
            ["ann@acme.com", "N/A", "Director", "linkedin", "1,234", "x", "02/04/2024"],
            ["bo@acme.com", "CMO", "director", "LINKEDIN", "n/a", "no", "14/03/2024"],
            ["cy@acme.com", "Please select", "DIRECTOR", "Webinar", "2 500", "yes", "-"],
        ],
    )  # fmt: skip

    job = _import(db, path, actor, tmp_path)

    assert counts(job) == {"total": 3, "created": 3, "updated": 0, "unchanged": 0, "failed": 0}
    assert job.placeholders == list(DEFAULT_PLACEHOLDERS)
    # The whole column tells day from month (14/03), so 02/04 is the 2nd of April.
    assert job.date_formats == {"custom.signed_up": "%d/%m/%Y"}
    ann, bo, cy = (_contact(db, f"{n}@acme.com") for n in ("ann", "bo", "cy"))
    assert (ann.job_title, cy.job_title) == (None, None)
    assert {ann.seniority, bo.seniority, cy.seniority} == {"Director"}
    assert ann.custom == {
        "source": "LinkedIn",
        "seats": 1234,
        "trial": True,
        "signed_up": "2024-04-02",
    }
    assert bo.custom == {"source": "LinkedIn", "trial": False, "signed_up": "2024-03-14"}
    assert cy.custom == {"source": "Webinar", "seats": 2500, "trial": True}


def test_a_placeholder_list_of_ones_own(db: Session, actor: Actor, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "tbd.csv",
        ["email", "job_title", "city"],
        [["ann@acme.com", "TBD", "N/A"]],
    )
    job = _import(db, path, actor, tmp_path, placeholders=("TBD",))
    assert job.placeholders == ["TBD"]
    ann = _contact(db, "ann@acme.com")
    assert (ann.job_title, ann.city) == (None, "N/A")


def test_empty_cells_keep_values_unless_the_import_clears_them(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    _define(db, actor, "seats", "number")
    first = write_csv(
        tmp_path / "first.csv",
        ["email", "first_name", "job_title", "city", "email_opt_in", "custom.seats"],
        [["ann@acme.com", "Ann", "CMO", "Oslo", "opted_in", "40"]],
    )
    _import(db, first, actor, tmp_path)
    again = write_csv(
        tmp_path / "again.csv",
        ["email", "first_name", "job_title", "city", "email_opt_in", "custom.seats"],
        [["ann@acme.com", "Ann", "", "n/a", "", ""]],
    )

    kept = _import(db, again, actor, tmp_path)
    assert counts(kept)["unchanged"] == 1
    ann = _contact(db, "ann@acme.com")
    assert (ann.job_title, ann.city, ann.custom) == ("CMO", "Oslo", {"seats": 40})

    cleared = _import(db, again, actor, tmp_path, clear_empty=True)
    assert (cleared.clear_empty, counts(cleared)["updated"]) == (True, 1)
    db.refresh(ann)
    # Mapped fields are cleared; consent and the key are never emptied by a blank cell.
    assert (ann.first_name, ann.job_title, ann.city, ann.custom) == ("Ann", None, None, {})
    assert (ann.email, ann.email_opt_in) == ("ann@acme.com", "opted_in")

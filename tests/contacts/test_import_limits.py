"""A broken or oversized row fails alone, with its line and reason; the rest of the file goes in."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.importing.reader import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS
from huddle.contacts.models import Contact
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from tests.contacts.fixtures.imports import counts, import_file, read_csv


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _emails(db: Session) -> list[str]:
    return sorted(db.scalars(select(Contact.email)))


def _failures(errors: Path) -> list[tuple[str, str, str]]:
    return [(r["error_line"], r["error_column"], r["error_reason"]) for r in read_csv(errors)]


def test_a_row_with_a_5_mb_cell_fails_alone_and_the_rows_after_it_go_in(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "big.csv"
    huge = "x" * (5 * 1024 * 1024)
    source.write_text(
        "email,first_name\r\n"
        "a@acme.com,A\r\n"
        f'b@acme.com,"{huge}"\r\n'
        "c@acme.com,C\r\n"
        "d@acme.com,D\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"

    job = import_file(db, source, actor=actor, errors_path=errors, chunk_size=2)

    assert job.status == "done"
    assert counts(job) == {"total": 4, "created": 3, "updated": 0, "unchanged": 0, "failed": 1}
    assert _emails(db) == ["a@acme.com", "c@acme.com", "d@acme.com"]
    assert _failures(errors) == [
        ("3", "", f"the row is longer than {MAX_ROW_CHARS:,} characters, the most a row may hold")
    ]


def test_a_cell_over_the_limit_in_a_row_under_it_names_its_column(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "long-cell.csv"
    source.write_text(
        "email,first_name,last_name\r\n"
        f"a@acme.com,{'y' * (MAX_CELL_CHARS + 1)},Long\r\n"
        f"b@acme.com,{'y' * 200},Fine\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert (job.rows_created, job.rows_failed) == (0, 2)
    assert _failures(errors) == [
        (
            "2",
            "first_name",
            f"the cell is longer than {MAX_CELL_CHARS:,} characters, the most a cell may hold",
        ),
        # Under the CSV limit, the field's own rule speaks.
        ("3", "first_name", "String should have at most 120 characters"),
    ]


def test_an_unclosed_quote_running_to_the_end_fails_its_row_and_the_rows_after_go_in(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "quote.csv"
    source.write_text(
        "email,first_name,last_name\r\n"
        "a@acme.com,Ann,Ash\r\n"
        'b@acme.com,"Bob,Berg\r\n'
        "c@acme.com,Cy,Cole\r\n"
        "d@acme.com,Di,Dunn\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert counts(job) == {"total": 4, "created": 3, "updated": 0, "unchanged": 0, "failed": 1}
    assert _emails(db) == ["a@acme.com", "c@acme.com", "d@acme.com"]
    assert _failures(errors) == [
        ("3", "", "a quoted cell in this row is never closed (the file ends inside it)")
    ]


def test_an_unclosed_quote_is_given_up_on_at_the_row_limit_and_reading_goes_on(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    rows = [f"p{n}@acme.com,P{n},Quiet\r\n" for n in range(MAX_ROW_CHARS // 20)]
    source = tmp_path / "quote-early.csv"
    source.write_text(
        'email,first_name,last_name\r\n"a@acme.com,Ann,Ash\r\n' + "".join(rows), encoding="utf-8"
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert (job.rows_created, job.rows_failed) == (len(rows), 1)
    assert _failures(errors) == [
        (
            "2",
            "",
            f"a quoted cell in this row is not closed within {MAX_ROW_CHARS:,} "
            "characters (a missing closing quote?)",
        )
    ]


def test_text_after_a_closing_quote_fails_the_row(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "quotes.csv"
    source.write_text(
        'email,first_name\r\na@acme.com,"Ann "The Boss" Ash"\r\nb@acme.com,"Bo ""Big"" Berg"\r\n',
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert (job.rows_created, job.rows_failed) == (1, 1)
    assert db.scalars(select(Contact.first_name)).one() == 'Bo "Big" Berg'
    ((line, column, reason),) = _failures(errors)
    assert (line, column) == ("2", "")
    assert reason.startswith("the row is not valid CSV")
    assert reason.endswith('a quote inside a quoted cell is written twice ("")')


def test_a_nul_byte_fails_its_row(db: Session, actor: Actor, tmp_path: Path) -> None:
    source = tmp_path / "nul.csv"
    source.write_bytes(
        b"email,first_name,last_name\r\na@acme.com,Ann,Ash\r\nb@acme.com,B\x00b,Berg\r\n"
        b"c@acme.com,Cy,Cole\r\n"
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert counts(job) == {"total": 3, "created": 2, "updated": 0, "unchanged": 0, "failed": 1}
    assert _failures(errors) == [("3", "first_name", "the cell holds a NUL character (byte 0x00)")]
    assert read_csv(errors)[0]["first_name"] == "B\ufffdb"


def test_a_row_with_too_many_columns_fails_alone(db: Session, actor: Actor, tmp_path: Path) -> None:
    source = tmp_path / "wide.csv"
    source.write_text(
        "email,first_name\r\na@acme.com,Ann\r\nb@acme.com,Bo,"
        + "," * 5000
        + "\r\nc@acme.com,Cy\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    assert (job.rows_created, job.rows_failed) == (2, 1)
    assert _failures(errors) == [("3", "", "the row has 5,003 cells but the header has 2 columns")]


def test_a_header_of_too_many_columns_is_refused(db: Session, actor: Actor, tmp_path: Path) -> None:
    source = tmp_path / "wide-header.csv"
    names = ["email", *(f"c{n}" for n in range(MAX_COLUMNS))]
    source.write_text(",".join(names) + "\r\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("file", f"the header has {MAX_COLUMNS + 1:,} columns; at most {MAX_COLUMNS:,} are read")
    ]


def test_lines_are_counted_right_after_a_broken_row(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "lines.csv"
    source.write_text(
        "email,first_name,last_name\r\n"
        'a@acme.com,"Ann,Ash\r\n'
        'b@acme.com,Bo,"Two\r\nlines"\r\n'
        "not-an-email,Cy,Cole\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    job = import_file(db, source, actor=actor, errors_path=errors)

    # The quote opened on line 2 closes on line 4: text follows it, so line 2's row fails
    # and reading goes on at line 3, whose row spans lines 3 and 4 (and fails too: a name
    # is one line), so the next row starts on line 5.
    assert (job.rows_created, job.rows_failed) == (0, 3)
    assert [(line, column) for line, column, _ in _failures(errors)] == [
        ("2", ""),
        ("3", "last_name"),
        ("5", "email"),
    ]


@pytest.mark.parametrize("length", [MAX_ROW_CHARS - 1, MAX_ROW_CHARS, MAX_ROW_CHARS + 1])
def test_a_line_about_as_long_as_a_row_may_be_keeps_the_line_numbers_after_it(
    db: Session, actor: Actor, tmp_path: Path, length: int
) -> None:
    source = tmp_path / "edge.csv"
    # The row limit counts the line break: at length - 1, "\r\n" makes it one too long,
    # and a read may stop between "\r" and "\n".
    source.write_text(
        "email,first_name\r\n"
        f"a@acme.com,{'a' * (length - 11)}\r\n"
        "b@acme.com,B\r\nnot-an-email,C\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    import_file(db, source, actor=actor, errors_path=errors)

    assert _emails(db) == ["b@acme.com"]
    assert [(line, column) for line, column, _ in _failures(errors)] == [
        ("2", ""),
        ("4", "email"),
    ]


def test_a_control_character_in_a_cell_fails_its_row_naming_the_column(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "escapes.csv"
    source.write_text(
        "email,first_name,job_title\r\n"
        "a@acme.com,A\x1b[2J,CTO\r\n"
        "b@acme.com,Bea,Head\x07 of sales\r\n"
        "c\u200b@acme.com,Cy,CEO\r\n"
        "d@acme.com,Dee,VP\r\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"

    job = import_file(db, source, actor=actor, errors_path=errors)

    assert counts(job)["failed"] == 3
    assert _emails(db) == ["d@acme.com"]
    failures = _failures(errors)
    assert [(line, column) for line, column, _ in failures] == [
        ("2", "first_name"),
        ("3", "job_title"),
        ("4", "email"),
    ]
    assert "U+001B (escape)" in failures[0][2] and "invisible character U+200B" in failures[2][2]

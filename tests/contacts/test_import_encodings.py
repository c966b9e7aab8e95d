"""Which encoding an import file is read in, and what happens to rows that are not in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.importing.reader import choose_encoding, inspect_file
from huddle.contacts.models import Contact
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from tests.contacts.fixtures.imports import counts, import_file, read_csv

HEADER = "email,first_name,last_name\r\n"


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _names(db: Session) -> dict[str, tuple[str | None, str | None]]:
    return {c.email: (c.first_name, c.last_name) for c in db.scalars(select(Contact))}


def test_one_row_of_windows_1252_in_a_utf8_file_fails_alone_and_the_accents_stay_right(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "people.csv"
    source.write_bytes(
        HEADER.encode()
        + "anna@acme.de,Anna,Müller\r\n".encode()
        + "rene@acme.fr,René,Lefèvre\r\n".encode("cp1252")
        + "zoe@acme.es,Zoë,Núñez\r\n".encode()
        + "li@acme.cn,李,王\r\n".encode()
    )
    errors = tmp_path / "errors.csv"

    job = import_file(db, source, actor=actor, errors_path=errors)

    assert (job.status, job.encoding, job.invalid_lines) == ("done", "utf-8", 1)
    assert counts(job) == {"total": 4, "created": 3, "updated": 0, "unchanged": 0, "failed": 1}
    assert _names(db) == {
        "anna@acme.de": ("Anna", "Müller"),
        "zoe@acme.es": ("Zoë", "Núñez"),
        "li@acme.cn": ("李", "王"),
    }
    (row,) = read_csv(errors)
    assert (row["error_line"], row["error_column"]) == ("3", "first_name")
    assert row["error_reason"] == (
        "byte 0xE9 is not valid UTF-8, the encoding the rest of the file is in; "
        "save the file as UTF-8 and import it again"
    )
    # The row as it was, the bytes that are not UTF-8 shown as "�".
    assert (row["email"], row["first_name"], row["last_name"]) == (
        "rene@acme.fr",
        "Ren\ufffd",
        "Lef\ufffdvre",
    )


def test_a_file_wholly_in_windows_1252_is_read_as_such_and_says_so(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes(
        (
            HEADER + "rene@acme.fr,René,Lefèvre\r\nann@acme.de,Änne,Groß\r\nbo@acme.se,Bo,Ek\r\n"
        ).encode("cp1252")
    )

    job = import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.encoding, job.invalid_lines, job.rows_failed) == ("cp1252", 0, 0)
    assert _names(db) == {
        "rene@acme.fr": ("René", "Lefèvre"),
        "ann@acme.de": ("Änne", "Groß"),
        "bo@acme.se": ("Bo", "Ek"),
    }


def test_a_utf8_file_with_a_byte_order_mark_reads_its_first_column(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "bom.csv"
    source.write_bytes(b"\xef\xbb\xbf" + (HEADER + "zoe@acme.es,Zoë,Núñez\r\n").encode())

    job = import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.encoding, job.mapping["email"], job.rows_created) == ("utf-8-sig", "email", 1)
    assert _names(db) == {"zoe@acme.es": ("Zoë", "Núñez")}


def test_a_utf16_file_with_a_byte_order_mark_is_read_as_utf16(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "excel-unicode.csv"
    source.write_bytes((HEADER + "zoe@acme.es,Zoë,Núñez\r\nli@acme.cn,李,王\r\n").encode("utf-16"))

    job = import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.encoding, job.rows_created, job.rows_failed) == ("utf-16", 2, 0)
    assert _names(db) == {"zoe@acme.es": ("Zoë", "Núñez"), "li@acme.cn": ("李", "王")}


def test_a_file_that_says_utf16_but_is_not_is_refused_naming_where(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "half.csv"
    # A lone high surrogate (0xD800) cannot be UTF-16.
    source.write_bytes((HEADER + "a@acme.es,A,B\r\n").encode("utf-16") + b"\x00\xd8,\x00")
    with pytest.raises(ValidationFailed) as refused:
        import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")
    ((field, message),) = [(e.field, e.message) for e in refused.value.errors]
    assert field == "file"
    assert message.startswith("the file starts with a UTF-16 byte order mark but is not UTF-16")


def test_a_header_that_is_not_in_the_files_encoding_refuses_the_file(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = tmp_path / "mixed.csv"
    # The header is Windows-1252, a row is UTF-8: neither encoding holds for the whole file.
    source.write_bytes("email,Straße\r\n".encode("cp1252") + "zoe@acme.es,Núñez\r\n".encode())
    with pytest.raises(ValidationFailed) as refused:
        import_file(db, source, actor=actor, errors_path=tmp_path / "errors.csv")
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("file", "the header row (line 1): byte 0xDF is not valid UTF-8")
    ]


@pytest.mark.parametrize("last_row_in_utf8", [True, False])
def test_one_accented_utf8_line_anywhere_in_a_large_file_makes_it_utf8(
    tmp_path: Path, last_row_in_utf8: bool
) -> None:
    source = tmp_path / "large.csv"
    with source.open("wb") as handle:
        handle.write(HEADER.encode())
        handle.writelines(f"r{n}@acme.fr,René,Roux\r\n".encode("cp1252") for n in range(3))
        # Megabytes of ASCII between them, which say nothing either way.
        handle.writelines(f"p{n}@acme.de,Plain,Row\r\n".encode() for n in range(200_000))
        last = "z@acme.es,Zoë,Núñez\r\n"
        handle.write(last.encode() if last_row_in_utf8 else last.encode("cp1252"))

    facts = inspect_file(source)

    if last_row_in_utf8:
        assert (facts.encoding, facts.invalid_lines, facts.suspect) == ("utf-8", 3, True)
    else:
        assert (facts.encoding, facts.invalid_lines, facts.suspect) == ("cp1252", 0, False)
    assert facts.lines == 200_005


def test_the_encoding_rule() -> None:
    assert choose_encoding(invalid_lines=0, utf8_text=True, whole_cp1252=True) == "utf-8"
    assert choose_encoding(invalid_lines=0, utf8_text=False, whole_cp1252=True) == "utf-8"
    assert choose_encoding(invalid_lines=2, utf8_text=False, whole_cp1252=True) == "cp1252"
    # A UTF-8 line with accents outweighs any number that are not.
    assert choose_encoding(invalid_lines=900, utf8_text=True, whole_cp1252=True) == "utf-8"
    # Bytes that Windows-1252 does not define either: UTF-8, with those lines failing.
    assert choose_encoding(invalid_lines=2, utf8_text=False, whole_cp1252=False) == "utf-8"

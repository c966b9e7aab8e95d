"""The import's reading thread: rows checked ahead, a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from huddle.contacts.importing.ahead import ReadAhead
from huddle.contacts.importing.rows import RowParser
from huddle.contacts.importing.service import read_mapping, user_directory
from huddle.core.csvfiles import CsvSource
from tests.contacts.fixtures.imports import write_csv


@contextmanager
def _reading(db: Session, tmp_path: Path, rows: int, chunk_size: int) -> Iterator[ReadAhead]:
    people = [[f"p{n}@acme.example", f"Person {n}"] for n in range(rows)]
    path = write_csv(tmp_path / "people.csv", ["Email", "First Name"], people)
    facts, columns = read_mapping(db, path, {"Email": "email", "First Name": "first_name"})
    with CsvSource(path, facts) as source:
        parser = RowParser(columns, user_directory(db), width=len(source.header))
        with ReadAhead(source.rows(), parser, chunk_size) as ahead:
            yield ahead


def test_the_rows_come_in_chunks_in_file_order(db: Session, tmp_path: Path) -> None:
    with _reading(db, tmp_path, rows=250, chunk_size=100) as ahead:
        chunks = [[row.data["email"] for row in chunk.parsed] for chunk in ahead]
    assert [len(chunk) for chunk in chunks] == [100, 100, 50]
    assert [email for chunk in chunks for email in chunk] == [
        f"p{n}@acme.example" for n in range(250)
    ]

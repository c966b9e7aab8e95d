"""The import's reading thread: rows checked ahead, and what the writer is done with freed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from huddle.contacts.importing.ahead import ReadAhead
from huddle.contacts.importing.rows import RowParser
from huddle.contacts.importing.service import read_mapping, user_directory
from huddle.core.csvfiles import CsvSource
from tests.contacts.fixtures.imports import write_csv

READER = "import-read-ahead"


class _Done:
    """Stands for a chunk the writer is done with; notes the thread that frees it."""

    def __init__(self, freed_in: list[str]) -> None:
        self.freed_in = freed_in

    def __del__(self) -> None:
        self.freed_in.append(threading.current_thread().name)


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


def test_what_the_writer_is_done_with_is_freed_by_the_reading_thread(
    db: Session, tmp_path: Path
) -> None:
    freed_in: list[str] = []
    with _reading(db, tmp_path, rows=300, chunk_size=100) as ahead:
        for number, chunk in enumerate(ahead, start=1):
            ahead.dispose(_Done(freed_in), chunk)
            del chunk
            with ahead.overlapping():  # the writer waits on the database
                deadline = time.monotonic() + 2
                while len(freed_in) < number and time.monotonic() < deadline:
                    time.sleep(0.01)
    # The last one is let go when the reading ends, the file read.
    assert freed_in[:2] == [READER, READER]
    assert len(freed_in) == 3


def test_what_piles_up_while_the_writer_never_waits_is_freed_by_the_writer(
    db: Session, tmp_path: Path
) -> None:
    freed_in: list[str] = []
    with _reading(db, tmp_path, rows=10, chunk_size=100) as ahead:
        # The reading thread runs only while the writer waits: here it never does.
        for _ in range(6):
            ahead.dispose(_Done(freed_in))
        assert freed_in == ["MainThread", "MainThread"]

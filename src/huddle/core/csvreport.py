"""The error report of an import: one line per failing row, with the row as it was.

Shared by every import (contacts, deals, touches), so it lives in the kernel.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO, TypeVar

from huddle.core import cells, dateformats, numbers
from huddle.core.csvcells import escape_cell
from huddle.core.csvfiles import CsvSource, FileFacts, SourceRow

# Problems an import's result lists (an API answer); its error report holds every one.
LISTED_PROBLEMS = 1_000
# The error report's own columns; a corrected error file can be imported as it is.
ERROR_COLUMNS = ("error_line", "error_column", "error_reason")


class _RowWriter(Protocol):
    def writerow(self, row: Iterable[str], /) -> Any: ...


class ErrorReport:
    """Written as rows fail, so it never holds more than one row in memory.

    Columns: the physical line in the imported file (the header is line 1), the failing
    column(s) and reason(s), ``; ``-separated when a row has several, then the row's own
    cells under the file's own header, so a corrected report can be imported again.
    """

    def __init__(self, path: Path, header: list[str], *, keep: int = 0) -> None:
        """``keep``: how many bytes of the report an interrupted run committed, for a
        resumed import (what follows came from a chunk that never committed, and is read
        again); 0 starts the report afresh."""
        self.path = path
        self._header = header
        self._handle: TextIO | None = None
        self._writer: _RowWriter | None = None
        self.count = 0
        if keep and path.is_file():
            with path.open("r+b") as handle:
                handle.truncate(min(keep, os.fstat(handle.fileno()).st_size))
            self._open("a")
        else:
            path.unlink(missing_ok=True)

    def _open(self, mode: Literal["w", "a"]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open(mode, encoding="utf-8", newline="")
        self._handle, self._writer = handle, csv.writer(handle, lineterminator="\r\n")

    def add(self, line: int, problems: list[tuple[str, str]], cells: list[str]) -> None:
        if self._handle is None:
            self._open("w")
            self._write([*ERROR_COLUMNS, *self._header])
        self._write(
            [
                str(line),
                # Each column at fault once; a problem of the whole row names none.
                "; ".join(dict.fromkeys(column for column, _ in problems if column)),
                "; ".join(reason for _, reason in problems),
                *cells,
            ]
        )
        self.count += 1

    def _write(self, cells: list[str]) -> None:
        assert self._writer is not None
        self._writer.writerow([escape_cell(cell) for cell in cells])

    def flush(self) -> int:
        """Write what is buffered; returns the report's length in bytes."""
        if self._handle is None:
            return 0
        self._handle.flush()
        return os.fstat(self._handle.fileno()).st_size

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()

    @property
    def written(self) -> bool:
        return self._handle is not None


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    reason: str


@dataclass(frozen=True)
class LeftOut:
    """What a row parser returns for a row that is not one to import (an open task), with
    the column and reason a person reads."""

    problem: tuple[str, str]


@dataclass
class FileImportResult:
    """What an import of records from a file did (deals, touches), row by row."""

    source_format: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Rows that did not go in, each reported with why.
    failed: int = 0
    # Rows that went in with something a person must know (a won deal's contact that
    # could not become a customer, an unknown owner): reported with why, like failures.
    reported: int = 0
    # Rows left out on purpose, each reported with why (an open task: nothing happened yet).
    left_out: int = 0
    # Contacts the import moved to another stage (a won deal's to Customer), per deal.
    contacts_moved: int = 0
    # The first LISTED_PROBLEMS problems (the error report has all of them).
    problems: list[RowProblem] = field(default_factory=list)
    # How each date column's dates were read, by header ("DD/MM/YYYY").
    dates_read: dict[str, str] = field(default_factory=dict)
    # What the file was read as, for a person ("HubSpot deals export"); None where the
    # import knows one kind of file only.
    source_label: str | None = None

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged

    @property
    def exit_code(self) -> int:
        """The command's: 0 all in (but those left out on purpose), 1 some rows failed or
        were reported, 2 none went in."""
        if self.rows > self.left_out and not self.imported:
            return 2
        return 1 if self.failed or self.reported else 0

    def summary(self, noun: str) -> str:
        """One line for the command line and the page: what went in, what did not."""
        text = (
            f"{self.rows:,} rows: {self.created:,} {noun} created, {self.updated:,} updated, "
            f"{self.unchanged:,} unchanged, {self.failed:,} failed"
        )
        if self.reported:
            text += f", {self.reported:,} imported with a problem to check"
        if self.left_out:
            text += f", {self.left_out:,} left out"
        if self.contacts_moved:
            text += f"; {self.contacts_moved:,} contacts moved to another stage"
        text += "."
        if self.dates_read:
            text += " Dates read as " + describe_dates(self.dates_read) + "."
        return text

    def tell(
        self,
        report: ErrorReport | None,
        line: int,
        problems: list[tuple[str, str]],
        cells: list[str],
        *,
        failed: bool = True,
    ) -> None:
        """Count a failed (or, ``failed=False``, reported) row and write it to the report."""
        if failed:
            self.failed += 1
        else:
            self.reported += 1
        self._list(report, line, problems, cells)

    def leave_out(
        self, report: ErrorReport | None, line: int, why: LeftOut, cells: list[str]
    ) -> None:
        """Count a row left out on purpose and write it, with why, to the report."""
        self.left_out += 1
        self._list(report, line, [why.problem], cells)

    def _list(
        self,
        report: ErrorReport | None,
        line: int,
        problems: list[tuple[str, str]],
        cells: list[str],
    ) -> None:
        if report is not None:
            report.add(line, problems, cells)
        room = LISTED_PROBLEMS - len(self.problems)
        self.problems.extend(RowProblem(line, column, reason) for column, reason in problems[:room])


def describe_dates(dates_read: Mapping[str, str]) -> str:
    """ "DD/MM/YYYY (Close Date, Won Date)", each format once with its columns."""
    columns: dict[str, list[str]] = {}
    for header, how in dates_read.items():
        columns.setdefault(how, []).append(header)
    return "; ".join(f"{how} ({', '.join(headers)})" for how, headers in columns.items())


def date_formats_in(
    path: Path, facts: FileFacts, columns: Mapping[str, int]
) -> dict[str, dateformats.FormatFound]:
    """The format of each date column of the file (header -> its index), read until each
    is decided (``core.dateformats.find_formats``); the columns without one are left out."""
    with CsvSource(path, facts) as source:
        found = dateformats.find_formats(
            (row.cells for row in source.rows()), columns, is_empty=cells.is_empty
        )
    return {header: f for header, f in found.items() if f.date_format is not None}


def decimal_marks_in(
    path: Path, facts: FileFacts, columns: Mapping[str, int]
) -> dict[str, numbers.DecimalMark]:
    """The decimal mark of each number column of the file (header -> its index), from its
    first cell that tells (``core.numbers.find_decimal_marks``); the others left out."""
    with CsvSource(path, facts) as source:
        return numbers.find_decimal_marks(
            (row.cells for row in source.rows()), columns, is_empty=cells.is_empty
        )


T = TypeVar("T")


def import_in_chunks(
    source: CsvSource,
    *,
    parse: Callable[[SourceRow], T | LeftOut | list[tuple[str, str]]],
    parsed: type[T],
    write: Callable[[list[T], ErrorReport | None], None],
    result: FileImportResult,
    errors_path: Path | None,
    chunk_size: int,
) -> FileImportResult:
    """A file's records (deals, touches) read ``chunk_size`` rows at a time: each row
    parsed, or counted and reported with its problems; each chunk's parsed rows written
    (``write`` opens its own transaction) and the error report flushed after it."""
    report = ErrorReport(errors_path, source.header) if errors_path is not None else None
    with closing(report) if report is not None else nullcontext():
        rows = source.rows()
        while chunk := list(islice(rows, chunk_size)):
            ready: list[T] = []
            for row in chunk:
                outcome = parse(row)
                if isinstance(outcome, parsed):
                    ready.append(outcome)
                elif isinstance(outcome, LeftOut):
                    result.leave_out(report, row.line, outcome, row.cells)
                else:
                    result.tell(report, row.line, outcome, row.cells)  # type: ignore[arg-type]
            result.rows += len(chunk)
            write(ready, report)
            if report is not None:
                report.flush()
    return result

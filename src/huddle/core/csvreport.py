"""The error report of an import: one line per failing row, with the row as it was.

Shared by every import (contacts, deals, touches), so it lives in the kernel.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

# The error report's own columns; a corrected error file can be imported as it is.
ERROR_COLUMNS = ("error_line", "error_column", "error_reason")
# What a spreadsheet runs as a formula: the report's cells starting so get a leading "'",
# as every CSV Huddle writes (contacts' ``csvcells``; the kernel cannot import it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


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
                "; ".join(column for column, _ in problems),
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

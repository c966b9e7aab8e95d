"""Reading an import file as a stream of rows, each with the physical line it starts on."""

from __future__ import annotations

import codecs
import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from huddle.core.errors import FieldError, ValidationFailed

_BLOCK = 1 << 20
# Salesforce data export and Excel write Windows-1252 when they do not write UTF-8.
FALLBACK_ENCODING = "cp1252"


@dataclass(frozen=True)
class FileFacts:
    sha256: str
    encoding: str
    # Physical lines, the header's included: what a progress bar counts towards.
    lines: int = 0


class BrokenCsv(ValidationFailed):
    """The file stops being CSV at ``line``; the rows before it were read."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(
            f"the file is not valid CSV at line {line}",
            [FieldError("file", f"line {line}: {reason}")],
        )
        self.line = line
        self.reason = reason


class SourceRow(NamedTuple):
    """One record of the file (a tuple: a million of them are made per million rows)."""

    line: int  # the physical line the record starts on; the header is line 1
    cells: list[str]


def inspect_file(path: Path) -> FileFacts:
    """Hash the file, count its lines and find its encoding in one streamed pass."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines, last = True, 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
            lines += block.count(b"\n")
            last = block[-1:]
            if utf8:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    lines += last != b"\n"
    return FileFacts(digest.hexdigest(), "utf-8-sig" if utf8 else FALLBACK_ENCODING, lines)


class CsvSource:
    """The header and then the records of a CSV file, read lazily.

    Blank lines are skipped. ``csv.reader.line_num`` counts physical lines consumed, so a
    record's first line is one past where the previous record ended, which stays right
    for quoted cells that span several lines.
    """

    def __init__(self, path: Path, *, encoding: str) -> None:
        self._handle = path.open(encoding=encoding, newline="")
        self._reader = csv.reader(self._handle)
        try:
            header = next(self._reader)
        except StopIteration:
            self.close()
            raise ValidationFailed(
                "the file is empty", [FieldError("file", "no header row")]
            ) from None
        except csv.Error as exc:
            self.close()
            raise ValidationFailed(
                "the header row is not valid CSV", [FieldError("file", str(exc))]
            ) from exc
        self.header = [cell.strip() for cell in header]
        _check_header(self.header)

    def rows(self) -> Iterator[SourceRow]:
        previous_end = self._reader.line_num
        try:
            for cells in self._reader:
                start, previous_end = previous_end + 1, self._reader.line_num
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue
                yield SourceRow(start, cells)
        except csv.Error as exc:
            raise BrokenCsv(previous_end + 1, str(exc)) from exc

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _check_header(header: list[str]) -> None:
    # Unnamed columns (a spreadsheet's trailing empty cells) are allowed and never mapped.
    seen: set[str] = set()
    for name in filter(None, header):
        if name in seen:
            raise ValidationFailed(
                "the header row names a column twice",
                [FieldError("file", f"column '{name}' appears more than once")],
            )
        seen.add(name)

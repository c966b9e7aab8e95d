"""Reading an import file: its encoding, then its records, each with the line it starts on.
Every import (contacts, deals, touches) reads its file this way, so it lives in the kernel.

**Encoding.** ``inspect_file`` decides it in the one streamed pass that also hashes the
file and counts its lines (it holds a block and at most one part-line, never the file):

1. A byte order mark decides: UTF-8, or UTF-16 (either byte order), which must then hold
   for the whole file, else the file is refused, naming the byte where it stops.
2. Without one, a file whose every line is UTF-8 is UTF-8.
3. A file in which no line with non-ASCII text is UTF-8, and which is Windows-1252 from
   end to end, is Windows-1252 (what Excel and Salesforce write when not UTF-8).
4. Anything else is UTF-8, and its lines that are not are failed rows naming the byte;
   the other rows keep their accents.

One UTF-8 line with an accent is enough to call a file UTF-8: Windows-1252 text is almost
never valid UTF-8 by accident (an accented capital would have to be followed by a
symbol such as ``€`` or ``…``), whereas one pasted row in another encoding is common.

**Limits.** A row may hold ``MAX_ROW_CHARS`` characters (its line breaks included) and a
cell ``MAX_CELL_CHARS``; the header may name ``MAX_COLUMNS`` columns. A record that breaks a
limit, is not CSV (a quote never closed, text after a closing quote), or holds a NUL or
bytes not in the file's encoding, is a ``SourceRow`` with ``broken`` set, and reading goes
on. After a record that is not CSV, reading goes on from the line after its first: a
stray quote must not swallow the rows that follow it.

**Separator.** Cells are separated by commas, or by what the header separates its names
by: semicolons (Excel in a locale whose decimal mark is a comma), tabs or bars, whichever
it holds most of outside quotes. A first line ``sep=;`` (Excel's own way of saying)
decides, and is not the header.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TextIO

from huddle.core.errors import FieldError, ValidationFailed

# The csv module's own limit for a cell, which a row within ours then never reaches.
MAX_ROW_CHARS = 131_072
MAX_CELL_CHARS = 32_768
MAX_COLUMNS = 1_000

ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte order mark",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
}
# How each encoding is read. "utf-8-sig" also reads a file without a mark.
_CODECS = {"utf-8": "utf-8-sig", "utf-8-sig": "utf-8-sig", "cp1252": "cp1252", "utf-16": "utf-16"}

_BLOCK = 1 << 20
# A line longer than this many bytes is longer than a row may be, whatever its encoding.
_LONGEST_LINE_BYTES = 4 * MAX_ROW_CHARS
# One more than a row may hold: a read of this many characters is a line over the limit.
_READ_LIMIT = MAX_ROW_CHARS + 1
# The characters cells may be separated by, the comma first: it wins a tie.
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}
# Excel's first line naming the separator: sep=; (quoted, at times).
_SEPARATOR_LINE = re.compile(r'"?sep=(.)"?[\r\n]*', re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"')
# A byte that is not UTF-8 (read as a lone surrogate, U+DC80-U+DCFF) or a NUL.
_SUSPECT = re.compile("[\x00\udc80-\udcff]")


@dataclass(frozen=True)
class FileFacts:
    sha256: str
    encoding: str  # a key of ENCODING_LABELS
    # Physical lines, the header's included: what a progress bar counts towards.
    lines: int = 0
    # Lines that are not in the file's encoding (UTF-8 files only): each is a failed row.
    invalid_lines: int = 0
    # Whether records may hold bytes not in the encoding or NULs, and must be checked.
    suspect: bool = False

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS[self.encoding]


class SourceRow(NamedTuple):
    """One record of the file (a tuple: a million of them are made per million rows)."""

    line: int  # the physical line the record starts on; the header is line 1
    cells: list[str]
    # The line reading goes on from after this record.
    resume: int = 0
    # (column, reason) when the record cannot be a row; its cells are then what could be
    # read of it (none for a record that is not CSV).
    broken: tuple[str, str] | None = None


def choose_encoding(*, invalid_lines: int, utf8_text: bool, whole_cp1252: bool) -> str:
    """Rules 2 to 4 of the module's docstring, for a file without a byte order mark.

    ``invalid_lines``: lines that are not UTF-8; ``utf8_text``: whether some line with
    non-ASCII text is UTF-8; ``whole_cp1252``: whether every byte is Windows-1252.
    """
    if invalid_lines == 0:
        return "utf-8"
    if not utf8_text and whole_cp1252:
        return "cp1252"
    return "utf-8"


def inspect_file(path: Path) -> FileFacts:
    """Hash the file, count its lines and decide its encoding in one streamed pass."""
    digest = hashlib.sha256()
    lines, last = 0, b"\n"
    with path.open("rb") as handle:
        block = handle.read(_BLOCK)
        check: _Utf16Check | _LineEvidence
        if block.startswith(codecs.BOM_UTF8):
            check = _LineEvidence(bom=True)
        elif block.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            check = _Utf16Check()
        else:
            check = _LineEvidence(bom=False)
        while block:
            digest.update(block)
            lines += block.count(b"\n")
            last = block[-1:]
            check.feed(block)
            block = handle.read(_BLOCK)
    lines += last != b"\n"
    return check.facts(digest.hexdigest(), lines)


class _LineEvidence:
    """What the lines of a file say about its encoding, a block at a time."""

    def __init__(self, *, bom: bool) -> None:
        self._bom = bom
        self._lines = 0
        self._rest = b""
        self._skipping = False  # within a line too long to be a row
        self.invalid = 0
        self.utf8_text = bom
        self.cp1252 = True
        self.nul = False

    def feed(self, block: bytes) -> None:
        self.nul = self.nul or b"\x00" in block
        if self._skipping:
            end = block.find(b"\n")
            if end < 0:
                return
            self._skipping, self._lines = False, self._lines + 1
            block = block[end + 1 :]
        data = self._rest + block if self._rest else block
        cut = data.rfind(b"\n") + 1
        self._examine(data[:cut])
        self._rest = data[cut:]
        if len(self._rest) > _LONGEST_LINE_BYTES:
            # It fails as too long whatever its bytes; it must not hold the file in memory.
            self._rest, self._skipping = b"", True

    def _examine(self, lines: bytes) -> None:
        if not lines.isascii():
            try:
                lines.decode("utf-8")
                self.utf8_text = True
            except UnicodeDecodeError:
                self._examine_each(lines)
            if self.cp1252 and not self.utf8_text:
                try:
                    lines.decode("cp1252")
                except UnicodeDecodeError:
                    self.cp1252 = False
        self._lines += lines.count(b"\n")

    def _examine_each(self, lines: bytes) -> None:
        for line in lines.split(b"\n"):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                self.utf8_text = True
            except UnicodeDecodeError:
                self.invalid += 1

    def facts(self, sha256: str, lines: int) -> FileFacts:
        if not self._skipping:
            self._examine(self._rest)
        if self._bom:
            encoding = "utf-8-sig"
        else:
            encoding = choose_encoding(
                invalid_lines=self.invalid, utf8_text=self.utf8_text, whole_cp1252=self.cp1252
            )
        invalid = 0 if encoding == "cp1252" else self.invalid
        return FileFacts(sha256, encoding, lines, invalid, suspect=bool(invalid or self.nul))


class _Utf16Check:
    """A file with a UTF-16 byte order mark is UTF-16 throughout, or is refused."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-16")()
        self._offset = 0

    def feed(self, block: bytes) -> None:
        pending = len(self._decoder.buffer)
        try:
            self._decoder.decode(block)
        except UnicodeDecodeError as exc:
            raise _not_utf16(self._offset - pending + exc.start) from exc
        self._offset += len(block)

    def facts(self, sha256: str, lines: int) -> FileFacts:
        try:
            self._decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise _not_utf16(self._offset - 1) from exc
        # NULs cannot be counted in the bytes of UTF-16: every record is checked.
        return FileFacts(sha256, "utf-16", lines, suspect=True)


def _not_utf16(byte: int) -> ValidationFailed:
    return ValidationFailed(
        "the file is not UTF-16",
        [
            FieldError(
                "file",
                f"the file starts with a UTF-16 byte order mark but is not UTF-16 at byte "
                f"{byte:,}; save it as UTF-8 and upload it again",
            )
        ],
    )


class _TooLong(Exception):
    """The record being read has passed MAX_ROW_CHARS."""

    def __init__(self, lines: int) -> None:
        self.lines = lines  # how many physical lines the record had reached


class _Overlong:
    """Stands in for a physical line longer than a row may be, whose text was skipped."""


_OVERLONG = _Overlong()
_Line = str | _Overlong


class _Lines:
    """The file's physical lines for ``csv.reader``, keeping those of the record being
    read, so that a record which breaks can be read again from its second line.

    A line is read at most ``_READ_LIMIT`` characters at a time: a file that is one line
    of 200 MB never sits in memory.
    """

    def __init__(self, handle: TextIO) -> None:
        self._readline = handle.readline
        self._replay: list[_Line] = []  # lines to hand out again, the next one last
        self.taken: list[_Line] = []  # the record's lines so far
        self.size = 0  # their characters
        self.ended = False  # the file has been read to its end

    def __iter__(self) -> Iterator[str]:
        readline, replay, taken = self._readline, self._replay, self.taken
        while True:
            if replay:
                line = replay.pop()
                if isinstance(line, _Overlong):
                    taken.append(line)
                    raise _TooLong(len(taken))
            else:
                line = readline(_READ_LIMIT)
                if not line:
                    self.ended = True
                    return
            taken.append(line)
            self.size += len(line)
            if self.size > MAX_ROW_CHARS:
                if len(line) == _READ_LIMIT and not line.endswith("\n"):
                    # The rest of this physical line is never read as rows.
                    self._skip_rest(line)
                    taken[-1] = _OVERLONG
                raise _TooLong(len(taken))
            yield line

    def _skip_rest(self, piece: str) -> None:
        while not piece.endswith(("\n", "\r")):
            piece = self._readline(_BLOCK)
            if not piece:
                return
        if piece.endswith("\r"):
            # A read may stop between the two characters of "\r\n".
            after = self._readline(_READ_LIMIT)
            if after and after != "\n":
                self._replay.insert(0, after)

    def skip(self, count: int) -> None:
        """Pass over ``count`` physical lines (a resumed import's rows already read)."""
        for _ in range(count):
            if self._replay:
                self._replay.pop()
                continue
            line = self._readline(_READ_LIMIT)
            if not line:
                return
            if len(line) == _READ_LIMIT and not line.endswith("\n"):
                self._skip_rest(line)

    def next_record(self) -> None:
        self.taken.clear()
        self.size = 0

    def resync(self) -> None:
        """The record read broke: hand out its lines again from its second one."""
        self._replay.extend(reversed(self.taken[1:]))
        self.next_record()
        self.ended = False


def _suspect_cell(cells: list[str]) -> tuple[int, str] | None:
    """The first cell holding a NUL or a byte that is not UTF-8, and that character."""
    for index, cell in enumerate(cells):
        found = _SUSPECT.search(cell)
        if found is not None:
            return index, found.group()
    return None


def _unreadable_character(character: str) -> str:
    """What a suspect character found by ``_suspect_cell`` is, in words for the person."""
    if character == "\x00":
        return "a NUL character (byte 0x00)"
    # Only UTF-8 is read with bytes it cannot decode (each one a lone surrogate); the
    # other encodings hold throughout.
    return f"byte 0x{ord(character) - 0xDC00:02X} is not valid UTF-8"


def delimiter_of(header_line: str) -> str:
    """The character a header line separates its names by: the one of ``DELIMITERS`` it
    holds most of outside quotes (a quoted name may hold any), else a comma."""
    outside = _QUOTED.sub("", header_line)
    counts = {delimiter: outside.count(delimiter) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=counts.__getitem__)


class CsvSource:
    """The header and then the records of a CSV file, read lazily.

    Blank lines are skipped. Each record's first line is one past where the previous
    record ended, which stays right for quoted cells that span several lines.
    """

    def __init__(self, path: Path, facts: FileFacts) -> None:
        errors = "strict" if facts.encoding == "utf-16" else "surrogateescape"
        self._handle = path.open(encoding=_CODECS[facts.encoding], errors=errors, newline="")
        self._facts = facts
        self._lines = _Lines(self._handle)
        self.header: list[str] = []
        try:
            # Lines before the header's: a "sep=" line.
            self.delimiter, self._before_header = self._find_delimiter()
            self.header = self._read_header()
        except BaseException:
            self.close()
            raise
        self._check_header()

    def _find_delimiter(self) -> tuple[str, int]:
        """The character cells are separated by, and the lines before the header (a
        ``sep=`` line is read; the header's own line is read again)."""
        first = self._handle.readline(_READ_LIMIT)
        said = _SEPARATOR_LINE.fullmatch(first)
        if said is not None and said[1] in DELIMITERS:
            return said[1], 1
        self._handle.seek(0)
        return delimiter_of(first), 0

    def _read_header(self) -> list[str]:
        lines = self._lines
        try:
            cells = next(csv.reader(lines, strict=True, delimiter=self.delimiter))
        except StopIteration:
            raise ValidationFailed(
                "the file is empty", [FieldError("file", "no header row")]
            ) from None
        except (csv.Error, _TooLong) as exc:
            raise ValidationFailed(
                "the header row is not valid CSV",
                [FieldError("file", f"the header row: {self._reason(exc)}")],
            ) from exc
        self._next_line = 1 + self._before_header + len(lines.taken)
        lines.next_record()
        found = _suspect_cell(cells)
        if found is not None:
            raise ValidationFailed(
                "the header row cannot be read",
                [FieldError("file", f"the header row (line 1): {_unreadable_character(found[1])}")],
            )
        return [cell.strip() for cell in cells]

    def _check_header(self) -> None:
        if len(self.header) > MAX_COLUMNS:
            self.close()
            raise ValidationFailed(
                "the header has too many columns",
                [
                    FieldError(
                        "file",
                        f"the header has {len(self.header):,} columns; "
                        f"at most {MAX_COLUMNS:,} are read",
                    )
                ],
            )
        # Unnamed columns (a spreadsheet's trailing empty cells) are allowed and never mapped.
        seen: set[str] = set()
        for name in filter(None, self.header):
            if name in seen:
                self.close()
                raise ValidationFailed(
                    "the header row names a column twice",
                    [FieldError("file", f"column '{name}' appears more than once")],
                )
            seen.add(name)

    def rows(self, *, start: int | None = None) -> Iterator[SourceRow]:
        """The records after the header, or those from physical line ``start`` on (where
        an earlier read stopped: a record's ``resume``)."""
        lines, taken = self._lines, self._lines.taken
        line = self._next_line
        if start is not None and start > line:
            lines.skip(start - line)
            line = start
        suspect = self._facts.suspect
        while True:
            try:
                for cells in csv.reader(lines, strict=True, delimiter=self.delimiter):
                    first, line, size = line, line + len(taken), lines.size
                    # lines.next_record(), without the call: this runs once per row.
                    taken.clear()
                    lines.size = 0
                    if not cells or (len(cells) == 1 and not cells[0].strip()):
                        continue
                    if size > MAX_CELL_CHARS or suspect:
                        problem = self._cell_problem(cells, size)
                        if problem is not None:
                            shown = [_SUSPECT.sub("\ufffd", cell) for cell in cells]
                            yield SourceRow(first, shown, line, problem)
                            continue
                    yield SourceRow(first, cells, line)
                return
            except (csv.Error, _TooLong) as exc:
                reason = self._reason(exc)
            lines.resync()
            yield SourceRow(line, [], line + 1, ("", reason))
            line += 1

    def _reason(self, exc: csv.Error | _TooLong) -> str:
        if isinstance(exc, _TooLong):
            if exc.lines > 1:
                return (
                    f"a quoted cell in this row is not closed within {MAX_ROW_CHARS:,} "
                    "characters (a missing closing quote?)"
                )
            return f"the row is longer than {MAX_ROW_CHARS:,} characters, the most a row may hold"
        if self._lines.ended:
            return "a quoted cell in this row is never closed (the file ends inside it)"
        return (
            f'the row is not valid CSV ({exc}); a quote inside a quoted cell is written twice ("")'
        )

    def _cell_problem(self, cells: list[str], size: int) -> tuple[str, str] | None:
        if size > MAX_CELL_CHARS:
            for index, cell in enumerate(cells):
                if len(cell) > MAX_CELL_CHARS:
                    return (
                        self._column(index),
                        f"the cell is longer than {MAX_CELL_CHARS:,} characters, "
                        "the most a cell may hold",
                    )
        found = _suspect_cell(cells) if self._facts.suspect else None
        if found is None:
            return None
        index, character = found
        if character == "\x00":
            return self._column(index), "the cell holds a NUL character (byte 0x00)"
        return (
            self._column(index),
            f"{_unreadable_character(character)}, the encoding the rest of the file is in; "
            "save the file as UTF-8 and import it again",
        )

    def _column(self, index: int) -> str:
        name = self.header[index] if index < len(self.header) else ""
        return name or f"column {index + 1}"

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

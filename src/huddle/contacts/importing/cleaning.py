"""Clean values, a column at a time: what a marketing-ops person fixes by hand before an import.

Pure functions and small stateful cleaners, no database: the import's row parser uses them
on every cell, and the import page's preview calls ``preview_columns`` on the first rows to
show what each column's cleaning does (how many cells it empties or folds, the date format
it found).

- Placeholders: words a CRM or a spreadsheet writes for "nothing" ("N/A", "-", "null",
  "Please select"...) are empty cells. The list is configurable; matching ignores case and
  the spaces around.
- Categories: one spelling per value whatever the case ("linkedin" and "LinkedIn"): a
  choice field's own spelling of its choices, else the first spelling the column shows.
- Yes/no words as booleans, numbers with thousands separators ("1,234.50", "1 234,50",
  "1.234,50"), and dates in the common formats, the format found per column: a column of
  14/03/2024 and 03/04/2024 is day first, and a column where no value tells is read month
  first and said to be ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from huddle.core import dateformats
from huddle.core.cells import PLACEHOLDER_WORDS
from huddle.core.numbers import DecimalMark, NotANumber, read_number


class CellError(ValueError):
    """A cell whose value cannot be used; the message is the reason shown to the user."""


DEFAULT_PLACEHOLDERS: tuple[str, ...] = PLACEHOLDER_WORDS

Kind = Literal["text", "category", "boolean", "number", "date"]


@dataclass(frozen=True)
class ColumnKind:
    """How a column's values are read: its kind, and a choice field's choices."""

    kind: Kind = "text"
    choices: tuple[str, ...] = ()


TEXT = ColumnKind()
CATEGORY = ColumnKind("category")
BOOLEAN = ColumnKind("boolean")
# The built-in fields whose values are a handful of categories shared by many contacts.
CATEGORY_FIELDS = frozenset({"seniority", "department", "country"})
# A custom field's type -> how its cells are read.
CUSTOM_KINDS: dict[str, Kind] = {
    "text": "text",
    "choice": "category",
    "boolean": "boolean",
    "number": "number",
    "date": "date",
}


def custom_kind(field_type: str, choices: Sequence[str] = ()) -> ColumnKind:
    return ColumnKind(CUSTOM_KINDS.get(field_type, "text"), tuple(choices))


class Placeholders:
    """The cell values read as empty, compared trimmed and without regard to case."""

    def __init__(self, words: Iterable[str] = DEFAULT_PLACEHOLDERS) -> None:
        self.words = tuple(dict.fromkeys(word.strip() for word in words))
        self.folded = frozenset(word.casefold() for word in self.words)
        # Only cells this short can be one: longer ones skip the case folding.
        self.longest = max((len(word) for word in self.words), default=0)

    def __contains__(self, value: object) -> bool:
        """Whether a trimmed cell is a placeholder (an import's hot loop inlines this)."""
        if not isinstance(value, str) or len(value) > self.longest:
            return False
        return value.casefold() in self.folded


def placeholders_from(words: Iterable[str] | None) -> Placeholders:
    """The list given (an import's option), or the defaults."""
    return Placeholders(DEFAULT_PLACEHOLDERS if words is None else words)


# --- single values -------------------------------------------------------------------------

_TRUE = frozenset({"yes", "y", "true", "t", "1", "x", "checked", "on"})
_FALSE = frozenset({"no", "n", "false", "f", "0", "unchecked", "off"})


def parse_boolean(text: str) -> bool:
    word = text.strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError(f"'{text}' is not yes or no (true/false, y/n, 1/0, x, checked)")


def parse_number(text: str, decimal_mark: DecimalMark | None = None) -> int | float:
    """A number with thousands separators: "1,234.50", "1 234,50", "1.234,50", "-7";
    ``decimal_mark``: the column's, for a cell that does not tell ("1,250": read as the US
    writes it without one). See ``core.numbers``."""
    try:
        return read_number(text, decimal_mark)
    except NotANumber:
        raise CellError(f"'{text}' is not a number") from None


# --- dates ---------------------------------------------------------------------------------
# The formats, and finding a column's, are the kernel's (``core.dateformats``): every
# import of a file reads dates alike.

ISO = dateformats.ISO
EPOCH_MS = dateformats.EPOCH_MS
DATE_FORMATS = dateformats.FORMATS
DateFormatFound = dateformats.FormatFound
label = dateformats.label


def parse_date(text: str, date_format: str) -> datetime | date:
    """``text`` read in ``date_format`` (one of ``DATE_FORMATS``): a date, or a datetime
    when it carries a time (naive ones are taken as UTC). Raises CellError."""
    try:
        return dateformats.read(text.strip(), date_format)
    except (ValueError, OverflowError):
        raise CellError(
            f"'{text}' is not a date in the column's format ({label(date_format)})"
        ) from None


def detect_date_format(values: Iterable[str]) -> DateFormatFound:
    """The first format every (non-empty) value fits; None when none does."""
    return detect_date_formats(
        ["value"], ([value] for value in values), ["value"], placeholders=Placeholders(())
    )["value"]


# --- a column's cleaner --------------------------------------------------------------------


@dataclass
class ColumnStats:
    """What cleaning did to one column's cells (the preview shows these)."""

    header: str
    kind: Kind
    cells: int = 0
    placeholders: int = 0
    case_folded: int = 0
    converted: int = 0
    date_format: str | None = None
    date_format_label: str | None = None
    ambiguous: bool = False
    # Distinct placeholder words met, as spelt in the file.
    placeholder_words: dict[str, int] = field(default_factory=dict)


class CaseFolder:
    """One spelling per value: a choice's own, else the first one met."""

    def __init__(self, choices: Iterable[str] = ()) -> None:
        self._spelling = {choice.casefold(): choice for choice in choices}
        self._closed = bool(self._spelling)
        self.folded = 0

    def fold(self, value: str) -> str:
        key = value.casefold()
        spelling = self._spelling.get(key)
        if spelling is None:
            if self._closed:
                return value  # not a choice: the field's check names it
            self._spelling[key] = value
            return value
        if spelling != value:
            self.folded += 1
        return spelling


class ColumnCleaner:
    """Reads one column's cells: trimmed, placeholders emptied, then by the column's kind.

    ``clean`` returns None for an empty cell, else the value (text, bool, number, or a
    custom date's YYYY-MM-DD); raises CellError with the reason a cell cannot be read.
    """

    def __init__(
        self,
        header: str,
        kind: ColumnKind,
        *,
        placeholders: Placeholders,
        date_format: str | None = None,
    ) -> None:
        self.kind = kind
        self.placeholders = placeholders
        self.stats = ColumnStats(header, kind.kind, date_format=date_format)
        if date_format is not None:
            self.stats.date_format_label = label(date_format)
        self._folder = CaseFolder(kind.choices)
        self.convert = self._converter()

    def _converter(self) -> Callable[[str], object] | None:
        kind = self.kind.kind
        if kind == "category":
            return self._fold
        if kind == "boolean":
            return parse_boolean
        if kind == "number":
            return parse_number
        if kind == "date":
            return self._date
        return None

    def _fold(self, value: str) -> str:
        folded = self._folder.fold(value)
        self.stats.case_folded = self._folder.folded
        return folded

    def _date(self, value: str) -> str:
        date_format = self.stats.date_format
        moment = None if date_format is None else dateformats.read_or_none(value, date_format)
        if moment is None:
            # No format found for the column, or this value is written another way than
            # the values that decided it: read alone.
            found = detect_date_format([value])
            if found.date_format is None:
                raise CellError(f"'{value}' is not a date")
            moment = parse_date(value, found.date_format)
        return (moment.date() if isinstance(moment, datetime) else moment).isoformat()

    def clean(self, raw: str) -> object:
        stats = self.stats
        stats.cells += 1
        value = raw.strip()
        if value in self.placeholders:
            if value:
                stats.placeholders += 1
                stats.placeholder_words[value] = stats.placeholder_words.get(value, 0) + 1
            return None
        if self.convert is None:
            return value
        converted = self.convert(value)
        if self.kind.kind != "category":
            stats.converted += 1
        return converted


def preview_columns(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    kinds: dict[str, ColumnKind],
    *,
    placeholders: Placeholders | None = None,
) -> dict[str, ColumnStats]:
    """What cleaning does to each column of ``kinds`` (by header) over ``rows``: the cells
    it empties, folds and converts, and each date column's format. Cells that cannot be
    read are left out of the counts (the import reports them as failed rows)."""
    rows = [list(row) for row in rows]
    placeholders = placeholders or Placeholders()
    index = {name: i for i, name in enumerate(header)}
    found: dict[str, DateFormatFound] = {}
    for name, kind in kinds.items():
        if kind.kind == "date" and name in index:
            found[name] = detect_date_format(
                v
                for row in rows
                if len(row) > index[name]
                and (v := row[index[name]].strip())
                and v not in placeholders
            )
    cleaners = {
        name: ColumnCleaner(
            name,
            kind,
            placeholders=placeholders,
            date_format=found[name].date_format if name in found else None,
        )
        for name, kind in kinds.items()
        if name in index
    }
    for name, cleaner in cleaners.items():
        if name in found:
            cleaner.stats.ambiguous = found[name].ambiguous
        for row in rows:
            if len(row) <= index[name]:
                continue
            try:
                cleaner.clean(row[index[name]])
            except CellError:
                continue
    return {name: cleaner.stats for name, cleaner in cleaners.items()}


def detect_date_formats(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    columns: Iterable[str],
    *,
    placeholders: Placeholders,
    day_first: bool | None = None,
) -> dict[str, DateFormatFound]:
    """Each date column's format, read from the file's rows until every column's is
    decided (``core.dateformats.find_formats``; ``day_first`` settles the columns where
    no value tells the day from the month)."""
    index = {name: header.index(name) for name in columns if name in header}
    return dateformats.find_formats(
        rows, index, is_empty=placeholders.__contains__, day_first=day_first
    )

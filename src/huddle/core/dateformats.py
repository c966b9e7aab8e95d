"""Dates as exports write them, in the order the writer's locale puts the day and the month.

A CRM or a spreadsheet writes every date of a column one way: ISO 8601 ("2024-03-14"),
month first ("03/14/2024", a US user's Salesforce report), day first ("14/03/2024" in the
UK, "14.03.2024" in Germany), two-digit years ("3/14/24"), month names ("Mar 14, 2024",
"14-Mar-2024"), milliseconds since 1970 (HubSpot's API), or the serial day number a
spreadsheet shows for a date cell formatted as a number ("45365.39583"). A single cell
cannot always tell: "03/04/2024" is the 4th of March or the 3rd of April. So an import
finds the format of each date column over the file (``find_formats``) before it reads a
row, and reads the column's cells in it (``read``).

Every import of a file shares this: the contacts' own date fields and their history
("Create Date", "Became a … Date"), deals, activities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

ISO = "iso"
EPOCH_MS = "epoch_ms"
# Excel's (and LibreOffice's) day number: days since 30 December 1899, the time of day as
# its fraction. Read only from 1954 to 2119 (20,000 to 80,000), so that no other number
# passes for one.
EXCEL_SERIAL = "excel_serial"
_EXCEL_EPOCH = datetime(1899, 12, 30, tzinfo=UTC)
_EXCEL_DAYS = re.compile(r"[2-7]\d{4}(?:\.\d+)?")
# Tried in this order: a column takes the first one every value it shows fits, so a
# column where no value tells day from month is read month first (and said ambiguous).
FORMATS: tuple[str, ...] = (
    ISO,
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%d-%m-%Y",
    "%Y/%m/%d",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    EPOCH_MS,
    EXCEL_SERIAL,
)
# The same formats with a time of day after the date ("03/14/2024 10:00").
_TIMES = (" %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p")
_EPOCH_DIGITS = range(12, 15)


def read(text: str, date_format: str) -> datetime | date:
    """``text`` (trimmed) read in ``date_format``: a date, or an aware datetime when it
    carries a time (a time without an offset is taken as UTC). Raises ValueError."""
    if date_format == ISO:
        return _iso(text)
    if date_format == EPOCH_MS:
        if not (text.isdigit() and len(text) in _EPOCH_DIGITS):
            raise ValueError(text)
        return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
    if date_format == EXCEL_SERIAL:
        return _excel_day(text)
    found = _strptime(text, date_format)
    # strptime's %Y takes "24" for the year 24: a two-digit year is %y's, never %Y's.
    if "%Y" in date_format and found.year < 1000:
        raise ValueError(text)
    return found


def read_or_none(text: str, date_format: str) -> datetime | date | None:
    """``read``, or None when the text is not a date in that format."""
    try:
        return read(text, date_format)
    except (ValueError, OverflowError):
        return None


def fits(text: str, date_format: str) -> bool:
    return read_or_none(text, date_format) is not None


def _excel_day(value: str) -> datetime | date:
    if _EXCEL_DAYS.fullmatch(value) is None:
        raise ValueError(value)
    whole, _, fraction = value.partition(".")
    day = (_EXCEL_EPOCH + timedelta(days=int(whole))).date()
    if not fraction.strip("0"):
        return day
    # To the second: a day's fraction in a cell is rounded to a few digits.
    seconds = round(float(f"0.{fraction}") * 86_400)
    return datetime.combine(day, time(), UTC) + timedelta(seconds=seconds)


def _iso(value: str) -> datetime | date:
    if len(value) == 10:
        return date.fromisoformat(value)
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _strptime(value: str, date_format: str) -> datetime | date:
    try:
        return datetime.strptime(value, date_format).date()
    except ValueError:
        pass
    for time_format in _TIMES:
        try:
            return datetime.strptime(value, date_format + time_format).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise ValueError(value)


def label(date_format: str) -> str:
    """A format in words a person reads ("DD/MM/YYYY")."""
    if date_format == ISO:
        return "YYYY-MM-DD"
    if date_format == EPOCH_MS:
        return "milliseconds since 1970"
    if date_format == EXCEL_SERIAL:
        return "a spreadsheet's day numbers"
    return (
        date_format.replace("%d", "DD")
        .replace("%m", "MM")
        .replace("%Y", "YYYY")
        .replace("%y", "YY")
        .replace("%b", "Mon")
        .replace("%B", "Month")
    )


@dataclass(frozen=True)
class FormatFound:
    # None: no value, or no one format that fits them (each value is then read alone).
    date_format: str | None
    # True when the values fit the day-first format as well (03/04/2024: March or April?).
    ambiguous: bool = False

    def describe(self) -> str:
        """The format in words, with the doubt when there is one."""
        if self.date_format is None:
            return "each value read alone"
        if self.ambiguous:
            return f"{label(self.date_format)} (no value tells the day from the month)"
        return label(self.date_format)


def _twin(date_format: str) -> str:
    """The format with the day and the month swapped (itself without both in numbers)."""
    return date_format.replace("%m", "\0").replace("%d", "%m").replace("\0", "%d")


def _day_first(date_format: str) -> bool | None:
    """Whether the format writes the day before a month in numbers (None: no such month)."""
    if "%m" not in date_format or "%d" not in date_format:
        return None
    return date_format.index("%d") < date_format.index("%m")


def _found(options: Sequence[str], seen: bool, file_day_first: bool | None) -> FormatFound:
    if not seen or not options:
        return FormatFound(None)
    first = options[0]
    twin = _twin(first)
    if twin == first or twin not in options:
        return FormatFound(first)
    if file_day_first is not None:
        # One file, one locale: a column no value of which tells reads as its others do.
        return FormatFound(twin if _day_first(twin) == file_day_first else first)
    return FormatFound(first, ambiguous=True)


def _file_order(candidates: Mapping[str, Sequence[str]], seen: set[str]) -> bool | None:
    """Day first or month first, as the columns that tell agree; None if none tells or
    they disagree."""
    told = {
        _day_first(options[0])
        for name, options in candidates.items()
        if name in seen and options and _twin(options[0]) not in options
    }
    told.discard(None)
    return told.pop() if len(told) == 1 else None


# The cells that are no date at all after which a column still undecided is given up (its
# format stands as its dates so far tell it).
MOST_NOT_DATES = 1_000


def _fits_another(value: str, tried: Sequence[str]) -> bool:
    """Whether ``value`` is a date in a format besides the ``tried`` ones it did not fit."""
    return any(fits(value, f) for f in FORMATS if f not in tried)


def find_formats(
    rows: Iterable[Sequence[str]],
    columns: Mapping[str, int],
    *,
    is_empty: Callable[[str], bool],
    day_first: bool | None = None,
) -> dict[str, FormatFound]:
    """The format of each column (name -> index) over ``rows``: the first of ``FORMATS``
    that every value fits (a cell that is no date at all, "soon", says nothing).

    A column is decided once one format or none is left, and the rows stop being read
    once every column is: an ISO file is decided by its first row, a month-first one by
    its first day after the 12th. A column no value of which tells the day from the month
    is read in the order the file's other date columns tell, else month first, and said
    ambiguous; ``day_first`` (a person's answer) settles such columns instead. ``is_empty``:
    the cells that hold no value (trimmed; placeholders).
    """
    candidates = {name: list(FORMATS) for name in columns}
    seen: set[str] = set()
    # Cells of each column that are no date in any format, so far.
    not_dates: dict[str, int] = {}
    open_columns = dict(columns)
    if not open_columns:
        return {}
    for row in rows:
        for name, index in list(open_columns.items()):
            value = row[index].strip() if index < len(row) else ""
            if not value or is_empty(value):
                continue
            left = [f for f in candidates[name] if fits(value, f)]
            if not left and not _fits_another(value, candidates[name]):
                # Not a date at all ("soon"): its row fails, the column's format stands.
                # A column of little else is given up, not tried on every row of the file.
                not_dates[name] = not_dates.get(name, 0) + 1
                if not_dates[name] >= MOST_NOT_DATES:
                    del open_columns[name]
                continue
            seen.add(name)
            candidates[name] = left
            if len(left) <= 1:
                del open_columns[name]
        if not open_columns:
            break
    order = _file_order(candidates, seen) if day_first is None else day_first
    return {name: _found(candidates[name], name in seen, order) for name in columns}

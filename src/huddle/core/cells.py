"""The values of a CRM export's cells: dates, amounts, yes/no, emails, as HubSpot, Salesforce
and spreadsheets write them. Pure functions; each raises ``CellError`` with the reason a
person reads in the import's error report.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import NamedTuple

from huddle.core import dateformats, numbers

# The words a person, a spreadsheet or a CRM writes for "no value": the one list every
# reader of a file starts from (the contacts import's default placeholders, the deals and
# activities files, a model's training file). ("unknown" is not here: some CRMs write it on
# purpose, e.g. a lead's origin, and a report counts it as a value.)
PLACEHOLDER_WORDS: tuple[str, ...] = (
    "",
    "N/A",
    "NA",
    "n/a",
    "-",
    "--",
    "null",
    "none",
    "(none)",
    "(no value)",
    "(blank)",
    "#N/A",
    # A form's untouched drop-down, common in lead exports.
    "Select",
    "Please select",
)
EMPTY_WORDS = frozenset(word.casefold() for word in PLACEHOLDER_WORDS)

_TRUE = frozenset({"true", "yes", "y", "1", "won", "closed won"})
_FALSE = frozenset({"false", "no", "n", "0"})

# Dates as the exports write them; a day-first date is never guessed (04/05/2024).
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%d %b %Y", "%b %d, %Y")
_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %I:%M %p",
)
# A date without a time is taken at noon UTC: the same calendar day in every time zone
# from UTC-11 to UTC+11, where midnight UTC would show the day before in the Americas.
NOON = time(12, 0, tzinfo=UTC)

_EMAIL = re.compile(r"[^\s<>();,\"']+@[^\s<>();,\"']+\.[^\s<>();,\"']+")


class CellError(ValueError):
    """A cell whose value cannot be used; the message is the reason shown to the person."""


def is_empty(cell: str) -> bool:
    return cell.strip().casefold() in EMPTY_WORDS


def parse_datetime(cell: str, date_format: str | None = None) -> datetime | None:
    """A timestamp in UTC: in ``date_format`` (its column's, ``core.dateformats``) when
    given and the cell fits it; else ISO 8601 (with or without offset; without one it is
    UTC), the exports' "2024-03-14 10:22" and "3/14/2024 10:22 AM". A date alone is at
    ``NOON``. None for an empty cell."""
    text = cell.strip()
    if is_empty(text):
        return None
    found = None if date_format is None else dateformats.read_or_none(text, date_format)
    if found is None:
        found = _by_any_format(text)
    if found is None:
        expected = (
            f"the column's format is {dateformats.label(date_format)}"
            if date_format is not None
            else "write it as 2024-03-14, 2024-03-14 10:22 or 3/14/2024"
        )
        raise CellError(f"{text!r} is not a date; {expected}")
    if not isinstance(found, datetime):
        return datetime.combine(found, NOON)
    if found.tzinfo is None:
        return found.replace(tzinfo=UTC)
    return found.astimezone(UTC)


def _by_any_format(text: str) -> datetime | date | None:
    """A cell read alone: ISO 8601, else the first of the exports' formats it fits."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return _by_formats(text)


def parse_date(cell: str) -> date | None:
    found = parse_datetime(cell)
    return found.date() if found is not None else None


def _by_formats(text: str) -> datetime | None:
    for pattern in _DATETIME_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            pass
    for pattern in _DATE_FORMATS:
        try:
            day = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return datetime.combine(day, NOON)
    return None


# The currency an amount's sign names ("$" is taken for the US dollar, as HubSpot and
# Salesforce write it); a three-letter code ("EUR 1.200,00", "1 200 SEK") names its own.
_CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY = re.compile(
    r"^(?P<before>US\$|[$€£¥₹]|[A-Z]{3}(?=[\s\d.,-]))?\s*(?P<number>.*?)\s*"
    r"(?P<after>[$€£¥₹]|(?<=[\s\d])[A-Z]{3})?$",
    re.DOTALL,
)


def _amount_parts(text: str) -> tuple[bool, str | None, str]:
    """(negative, the currency its sign or code names, the number's text) of an amount
    cell: "(1,200.00)" and "-$1,200" are negative (an accountant's brackets)."""
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1].strip()
    if text.startswith("-"):
        negative, text = True, text[1:].lstrip()
    found = _CURRENCY.match(text)
    assert found is not None  # every part of the pattern may be empty
    sign = found["before"] or found["after"]
    number = found["number"]
    if number.startswith("-"):
        negative, number = True, number[1:].lstrip()
    return negative, _CURRENCY_SIGNS.get(sign, sign) if sign else None, number


class Amount(NamedTuple):
    value: float
    # The currency the cell's sign or code names ("€1.200" → EUR), if any.
    currency: str | None


def parse_amount(cell: str, decimal_mark: numbers.DecimalMark | None = None) -> Amount | None:
    """A money amount: "12000", "12,000.50", "$12,000", "USD 1,200.00", "1.200,50 €",
    "12 500,00", "(1,000.00)", with the currency its sign or code names. ``decimal_mark``:
    its column's, for a cell that does not tell ("1.250": see ``core.numbers``). None when
    empty; CellError for anything else ("12.5k")."""
    text = cell.strip()
    if is_empty(text):
        return None
    negative, currency, number = _amount_parts(text)
    try:
        value = float(numbers.read_number(number, decimal_mark))
    except numbers.NotANumber:
        raise CellError(f"{text!r} is not an amount; write it as 12000 or 12,000.50") from None
    return Amount(-value if negative else value, currency)


def parse_bool(cell: str) -> bool | None:
    """Yes/no words (true/false, yes/no, 1/0). None when empty."""
    text = cell.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if is_empty(text):
        return None
    raise CellError(f"{cell.strip()!r} is not yes or no; write true or false")


def emails_in(cell: str) -> list[str]:
    """Every email address a cell names, in order: a plain address, or HubSpot's
    association cells ("Ann Lee (ann@acme.com); Bo Chan (bo@acme.com)")."""
    return list(dict.fromkeys(match.group(0).lower() for match in _EMAIL.finditer(cell)))


def record_ids_in(cell: str) -> list[str]:
    """The record ids a cell names, in order: one id, or several separated by ";" or ","
    (HubSpot's "Associated Contact IDs")."""
    return list(dict.fromkeys(part.strip() for part in re.split(r"[;,]", cell) if part.strip()))


def squash(text: str) -> str:
    """A header or a value as exports vary it least: lower case, letters and digits only
    ("Deal Stage", "deal_stage" and "DealStage" are one)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def locate(header: list[str], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Field -> the position of the first of its columns (names) the header has."""
    squashed: dict[str, int] = {}
    for index, name in enumerate(header):
        if name:
            squashed.setdefault(squash(name), index)
    found: dict[str, int] = {}
    for field, names in columns.items():
        for name in names:
            if squash(name) in squashed:
                found[field] = squashed[squash(name)]
                break
    return found

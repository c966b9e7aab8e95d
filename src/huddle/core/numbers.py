"""Numbers as people and spreadsheets write them, in any locale: "1,234.50", "1.234,50",
"1 234,50", "3,5", "-7".

A number may group its thousands by commas, dots or spaces, and mark its decimals by a dot
or a comma. Most cells tell which is which: a cell with both ("1.234,50": the last is the
decimal mark), a separator used twice ("1.234.567": grouping), one followed by other than
three digits ("3,5", "12.25"). A lone separator before exactly three digits ("1,250",
"1.250") does not: it is read with its column's decimal mark, found over the file from
the cells that tell (``find_decimal_marks``: one file, one locale), else as a US
spreadsheet writes (a comma groups, a dot marks decimals).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Literal

DecimalMark = Literal[".", ","]

# Spaces a spreadsheet puts between thousands: plain, no-break, narrow and thin ones.
_GROUP_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_OTHER: dict[str, DecimalMark] = {",": ".", ".": ","}
# Rows read for a column's decimal mark before giving up on being told (the default then
# stands; a later cell that tells is still read its own way).
MOST_ROWS = 10_000


class NotANumber(ValueError):
    """A cell that is no number."""


def decimal_mark_told(text: str) -> DecimalMark | None:
    """The decimal mark the cell alone tells, or None ("1,250", "7", not a number)."""
    compact = _GROUP_SPACES.sub("", text.strip())
    commas, dots = compact.count(","), compact.count(".")
    if commas and dots:
        return "," if compact.rindex(",") > compact.rindex(".") else "."
    if commas + dots == 0:
        return None
    separator: DecimalMark = "," if commas else "."
    if commas + dots > 1:
        return _OTHER[separator]  # used twice: it groups
    decimals = len(compact) - compact.index(separator) - 1
    return None if decimals == 3 else separator


def read_number(text: str, decimal_mark: DecimalMark | None = None) -> int | float:
    """The number a cell writes; ``decimal_mark``: its column's, for a cell that does not
    tell (None: a comma groups, a dot marks decimals). NotANumber otherwise."""
    compact = _GROUP_SPACES.sub("", text.strip())
    mark = decimal_mark_told(compact) or decimal_mark or "."
    group = _OTHER[mark]
    if group in compact:
        if not re.fullmatch(
            rf"[+-]?\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(mark)}\d*)?", compact
        ):
            raise NotANumber(text)
        compact = compact.replace(group, "")
    plain = compact.replace(mark, ".")
    if not _PLAIN_NUMBER.fullmatch(plain):
        raise NotANumber(text)
    number = float(plain)
    return int(number) if number.is_integer() and "." not in plain else number


def find_decimal_marks(
    rows: Iterable[list[str]], columns: Mapping[str, int], is_empty: Callable[[str], bool]
) -> dict[str, DecimalMark]:
    """The decimal mark of each number column (header -> index), from the first of its
    cells that tells; read until each column is told, or for ``MOST_ROWS`` rows. A column
    no cell told is left out."""
    found: dict[str, DecimalMark] = {}
    for number, cells in enumerate(rows):
        if len(found) == len(columns) or number >= MOST_ROWS:
            break
        for header, index in columns.items():
            if header in found or index >= len(cells) or is_empty(cells[index]):
                continue
            mark = decimal_mark_told(cells[index])
            if mark is not None:
                found[header] = mark
    return found

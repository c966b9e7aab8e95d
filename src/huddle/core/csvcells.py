"""Spreadsheet-safe CSV cells: what Huddle writes cannot run as a formula when opened.

A cell that starts with ``= + - @`` (or a tab or carriage return) is a formula to Excel,
LibreOffice and Google Sheets, so a contact named ``=HYPERLINK(...)`` could run code on
the machine of whoever opens an export. Such cells are written with a leading ``'``;
reading a file back strips that quote again, so an export re-imports unchanged. A number
is not a formula: a numeric value, or text that is just a signed number (``-7``), is
written as it is, so a spreadsheet reads it as the number it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import datetime

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A signed number alone: what a spreadsheet reads as a number, not as a formula.
_SIGNED_NUMBER = re.compile(r"[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def escape_cell(value: str) -> str:
    if value.startswith(FORMULA_STARTS) and not _SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def csv_lines(
    header: list[str], rows: Iterable[Iterable[object]], *, batch: int = 500
) -> Iterator[str]:
    """The CSV text of ``header`` and ``rows``, yielded a few hundred rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_cell(name) for name in header])
    pending = 0
    for row in rows:
        writer.writerow([_cell(value) for value in row])
        pending += 1
        if pending >= batch:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def _cell(value: object) -> str:
    # A number is written as a number: never quoted, whatever its sign.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return escape_cell(_text(value))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)

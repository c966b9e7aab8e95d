"""Another system's export as a ``learning.Table``: ``huddle model train --from-csv``.

The file's encoding is decided as every import decides it (``core.csvfiles``), its
delimiter sniffed (the bank marketing set is ``;``-separated). Cells are trimmed and the
words exports write for "nothing" are empty; each column is a number when every filled cell
reads as one, else a category. Columns that cannot inform a model are set aside, each with
its reason: the target itself, identifiers (a distinct value on almost every row), constant
columns, free text (hundreds of distinct values). Leaking columns are found later, by
``leaks.find_leaks``, on the typed table.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huddle.core.cells import PLACEHOLDER_WORDS
from huddle.core.csvfiles import inspect_file
from huddle.predictive.learning import Kind, LearningError, Table

# What an export writes for "no value": every file reader's words, plus what a data-science
# export writes for a missing or unknown value (a model learns nothing from either).
PLACEHOLDERS = frozenset(word.casefold() for word in (*PLACEHOLDER_WORDS, "nan", "unknown"))
POSITIVE_WORDS = frozenset({"1", "yes", "y", "true", "t", "won", "converted"})
NEGATIVE_WORDS = frozenset({"0", "no", "n", "false", "f", "lost"})
# A category column with more distinct values than this is free text or an identifier.
MAX_CATEGORIES = 200
IDENTIFIER_SHARE = 0.9
_CODECS = {"utf-8": "utf-8-sig", "utf-16": "utf-16", "cp1252": "cp1252"}


@dataclass
class LoadedCsv:
    table: Table
    delimiter: str
    target: str
    positive: str
    # Column -> why it was left out before learning.
    set_aside: dict[str, str] = field(default_factory=dict)


def read_csv(path: Path) -> tuple[list[str], list[list[str]], str]:
    """Header, rows (trimmed cells) and the delimiter."""
    facts = inspect_file(path)
    text = path.read_bytes().decode(_CODECS.get(facts.encoding, "utf-8-sig"), errors="replace")
    delimiter = sniff_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [[cell.strip() for cell in row] for row in reader if any(c.strip() for c in row)]
    if not rows:
        raise LearningError(f"{path} is empty.")
    return rows[0], rows[1:], delimiter


def sniff_delimiter(sample: str) -> str:
    try:
        lines = sample.splitlines()[:50]
        return csv.Sniffer().sniff("\n".join(lines), ",;\t|").delimiter
    except csv.Error:
        return ","


def is_placeholder(cell: str) -> bool:
    return cell.casefold() in PLACEHOLDERS


# 1,234 or 1,234,567.89: commas that group thousands.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _number(cell: str) -> float | None:
    """A number as exports write them: plain, or with commas grouping thousands."""
    try:
        return float(cell.replace(",", "")) if _GROUPED.fullmatch(cell) else float(cell)
    except ValueError:
        return None


def load_table(
    path: Path,
    *,
    target: str,
    positive: str | None = None,
    exclude: Sequence[str] = (),
) -> LoadedCsv:
    """The file as a table in file order (taken as time order), label from ``target``."""
    header, rows, delimiter = read_csv(path)
    if target not in header:
        raise LearningError(f"No column '{target}' in {path.name}: it has {', '.join(header)}.")
    width = len(header)
    rows = [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]
    index = header.index(target)
    chosen = positive or positive_value([row[index] for row in rows])
    label = [int(row[index].casefold() == chosen.casefold()) for row in rows]
    set_aside: dict[str, str] = {target: "the target"}
    set_aside |= {name: "excluded by you" for name in exclude if name in header}
    columns: dict[str, list[Any]] = {}
    kinds: dict[str, Kind] = {}
    for j, name in enumerate(header):
        if not name or name in set_aside:
            continue
        cells = [None if is_placeholder(row[j]) else row[j] for row in rows]
        kind, values, reason = typed_column(cells)
        if reason:
            set_aside[name] = reason
            continue
        columns[name], kinds[name] = values, kind
    return LoadedCsv(Table(columns, kinds, label), delimiter, target, chosen, set_aside)


def positive_value(values: list[str]) -> str:
    """The target's value meaning "reached": yes/true/1/won, else the rarer of two values."""
    distinct = {v.casefold(): v for v in values if v}
    if len(distinct) != 2:
        raise LearningError(
            f"The target column holds {len(distinct)} distinct values: it must hold two "
            "(or name the positive one with --positive)."
        )
    for folded, value in distinct.items():
        if folded in POSITIVE_WORDS:
            return value
    return min(distinct.values(), key=values.count)


def typed_column(cells: Sequence[str | None]) -> tuple[Kind, list[Any], str | None]:
    """A column's kind and typed values, or why it cannot inform a model."""
    filled = [c for c in cells if c is not None]
    distinct = set(filled)
    if len(distinct) <= 1:
        return "category", [], "one value only" if filled else "always empty"
    numbers = [_number(c) for c in filled]
    if all(n is not None for n in numbers):
        looks_like_id = len(distinct) >= IDENTIFIER_SHARE * len(cells) and all(
            float(n).is_integer() for n in numbers if n is not None
        )
        if looks_like_id:
            return "number", [], "an identifier (a distinct whole number on every row)"
        return "number", [None if c is None else _number(c) for c in cells], None
    if len(distinct) >= IDENTIFIER_SHARE * len(cells):
        return "category", [], "an identifier (a distinct value on every row)"
    if len(distinct) > MAX_CATEGORIES:
        return "category", [], f"free text ({len(distinct):,} distinct values)"
    return "category", list(cells), None

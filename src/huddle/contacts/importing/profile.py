"""What a file's columns hold, for the import wizard: empty and placeholder cells, and the
type a new custom field for the column would have.

Pure functions over cells; no database. The type inferred is one the import will accept for
every value seen: it is tried with the custom fields' own rules (``coerce_custom_value``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from huddle.contacts.importing.cleaning import Placeholders
from huddle.contacts.service.custom_fields import custom_value_check
from huddle.core import dateformats

# What the import reads as empty by default (``cleaning``): the wizard counts those cells,
# so the person sees how many cells of each column the import will empty.
_PLACEHOLDERS = Placeholders()
# How many values of a column the type is inferred from (the first ones that say anything).
SAMPLE_VALUES = 2_000
# A column of text with this few distinct values, each seen often, is a choice.
MAX_CHOICES = 12
MIN_REPEATS = 3
MAX_CHOICE_CHARS = 120
_BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "y", "n"})


@dataclass
class CellCounts:
    empty: int = 0
    placeholder: int = 0


def is_placeholder(text: str) -> bool:
    """Whether a (trimmed, non-empty) cell holds a word that means "no value"."""
    return text in _PLACEHOLDERS


def placeholder_counts(rows: Iterable[Sequence[str]], width: int) -> list[CellCounts]:
    """For each of ``width`` columns, how many cells of ``rows`` are empty (or blank), and
    how many hold a placeholder meaning empty ("N/A", "-", "null", "Please select"...).

    The one place the wizard decides what counts as empty.
    """
    counts = [CellCounts() for _ in range(width)]
    for cells in rows:
        for index, cell in enumerate(cells[:width]):
            text = cell.strip()
            if not text:
                counts[index].empty += 1
            elif is_placeholder(text):
                counts[index].placeholder += 1
    return counts


FieldType = Literal["text", "number", "date", "boolean", "choice"]


@dataclass(frozen=True)
class InferredType:
    field_type: FieldType
    choices: tuple[str, ...] = ()


def infer_type(values: Sequence[str]) -> InferredType:
    """The custom field type that holds every one of ``values`` (trimmed, none empty):
    boolean, number, date, a choice when few distinct values repeat, else text."""
    if not values:
        return InferredType("text")
    lower = {value.lower() for value in values}
    if lower <= _BOOLEAN_WORDS and _accepts("boolean", lower):
        return InferredType("boolean")
    if _accepts("number", values):
        return InferredType("number")
    if _accepts("date", values) or _all_dates(values):
        return InferredType("date")
    frequency = Counter(values)
    if (
        len(frequency) <= MAX_CHOICES
        and len(values) >= MIN_REPEATS * len(frequency)
        and all(len(value) <= MAX_CHOICE_CHARS for value in frequency)
    ):
        return InferredType("choice", tuple(value for value, _ in frequency.most_common()))
    return InferredType("text")


def _all_dates(values: Sequence[str]) -> bool:
    """Whether every value is a date in the one format found for them ("14/03/2024" day
    first, as the import will read the column: ``core.dateformats``)."""
    found = dateformats.find_formats(([value] for value in values), {"": 0}, is_empty=_blank)
    date_format = found[""].date_format
    return date_format is not None and all(dateformats.fits(v, date_format) for v in values)


def _blank(value: str) -> bool:
    return not value.strip()


def _accepts(field_type: str, values: Iterable[str]) -> bool:
    check = custom_value_check(field_type)
    try:
        for value in values:
            check(value)
    except ValueError:
        return False
    return True


@dataclass
class ColumnProfile:
    """One column over the whole file: its counts, first values and inferred type."""

    counts: CellCounts = field(default_factory=CellCounts)
    # The first values that are neither empty nor a placeholder.
    values: list[str] = field(default_factory=list)

    def inferred(self) -> InferredType:
        return infer_type(self.values)


def profile_columns(
    rows: Iterable[Sequence[str]], width: int, *, block: int = 5_000
) -> list[ColumnProfile]:
    """Each column's profile, reading ``rows`` once, a block at a time."""
    profiles = [ColumnProfile() for _ in range(width)]
    pending: list[Sequence[str]] = []
    for cells in rows:
        pending.append(cells)
        if len(pending) >= block:
            _add_block(profiles, pending, width)
            pending = []
    _add_block(profiles, pending, width)
    return profiles


def _add_block(profiles: list[ColumnProfile], rows: list[Sequence[str]], width: int) -> None:
    for profile, counts in zip(profiles, placeholder_counts(rows, width), strict=True):
        profile.counts.empty += counts.empty
        profile.counts.placeholder += counts.placeholder
    for index, profile in enumerate(profiles):
        if len(profile.values) >= SAMPLE_VALUES:
            continue
        for cells in rows:
            if index < len(cells):
                text = cells[index].strip()
                if text and not is_placeholder(text):
                    profile.values.append(text)
                    if len(profile.values) >= SAMPLE_VALUES:
                        break

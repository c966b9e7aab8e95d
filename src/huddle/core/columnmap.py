"""A file's columns mapped by hand to an import's fields, for the files Huddle does not
recognise by their header (a funnel export from a tool of its own, a spreadsheet).

A mapping is ``{csv header: field}``, as the contacts import takes it: from a JSON file on
the command line, a JSON object in the API, one drop-down per column on the imports page
(``map.<column position>``). Everything wrong with it is named at once, before a single
row is read. Pure: no database.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from huddle.core.cells import locate
from huddle.core.errors import FieldError, ValidationFailed

# The form field of the column at a position: "map.3".
FORM_PREFIX = "map."


@dataclass(frozen=True)
class ImportFields:
    """What an import can fill: each field's label (shown in the drop-downs), and the
    header names a known export gives each (to suggest a mapping)."""

    labels: dict[str, str]
    known_columns: dict[str, tuple[str, ...]]

    def suggested(self, header: list[str]) -> dict[int, str]:
        """Column position -> the field its header names in a known export."""
        return {position: field for field, position in locate(header, self.known_columns).items()}


def either_export(*exports: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Field -> the header names any of ``exports`` gives it, the first export's first
    (a plain union of the dicts would keep only the last export's names of a field)."""
    merged: dict[str, tuple[str, ...]] = {}
    for columns in exports:
        for field, names in columns.items():
            merged[field] = tuple(dict.fromkeys((*merged.get(field, ()), *names)))
    return merged


def mapped_positions(
    header: list[str], mapping: Mapping[str, str], fields: ImportFields
) -> dict[str, int]:
    """Field -> column position by ``mapping``; ValidationFailed naming every column the
    file lacks, every field unknown and every field given two columns. An empty field
    skips its column."""
    where = {name: position for position, name in enumerate(header) if name}
    positions: dict[str, int] = {}
    problems: list[FieldError] = []
    for column, field in mapping.items():
        at = f"mapping.{column}"
        if not field:
            continue
        if column not in where:
            problems.append(FieldError(at, f"the file has no column {column!r}"))
        elif field not in fields.labels:
            known = ", ".join(fields.labels)
            problems.append(FieldError(at, f"unknown field {field!r}; one of {known}"))
        elif field in positions:
            taken = header[positions[field]]
            problems.append(FieldError(at, f"{field} is already filled from column {taken!r}"))
        else:
            positions[field] = where[column]
    if problems:
        raise ValidationFailed("the mapping cannot be used", problems)
    return positions


def mapping_described(fields: ImportFields) -> str:
    """The API's description of its ``mapping`` form field."""
    return (
        'The columns mapped by hand, a JSON object {"csv header": "field"}, the fields being '
        f"{', '.join(fields.labels)}; without it, the columns are read by their header"
    )


def mapping_from_json(text: str | None) -> dict[str, str] | None:
    """The API's ``mapping`` form field: a JSON object of column -> field, or None."""
    if text is None or not text.strip():
        return None
    try:
        found = json.loads(text)
    except ValueError as exc:
        raise _not_a_mapping(f"is not JSON ({exc})") from None
    if not isinstance(found, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in found.items()
    ):
        raise _not_a_mapping('must be an object of "csv header": "field"')
    return found


def mapping_from_form(header: list[str], form: Mapping[str, object]) -> dict[str, str] | None:
    """The imports page's drop-downs (``map.<position>``) as a mapping; None when the form
    has none (the file is read by its header)."""
    chosen = {
        int(key[len(FORM_PREFIX) :]): value
        for key, value in form.items()
        if key.startswith(FORM_PREFIX) and key[len(FORM_PREFIX) :].isdigit()
    }
    if not chosen:
        return None
    return {
        header[position]: value
        for position, value in chosen.items()
        if position < len(header) and isinstance(value, str) and value
    }


def _not_a_mapping(reason: str) -> ValidationFailed:
    return ValidationFailed("the mapping cannot be used", [FieldError("mapping", reason)])

"""``huddle import contacts --new-fields``: the custom fields a file needs, defined from its
values before the import reads a row.

A history export arrives with dozens of columns of its own (a lead export's "Lead Origin",
"Total Time Spent on Website", "Converted"...). The web wizard creates a custom field per
column inline; on the command line this does the same in one go: every ``custom.<key>``
the mapping names that does not exist yet, and every column the mapping leaves out (keyed
after its header, "Lead Origin" -> ``custom.lead_origin``), becomes a contact custom field
typed from all the file's values (boolean, number, date, a choice of a few values, else
text), so no row is refused for a value the type cannot hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from huddle.contacts.importing.mapping import CUSTOM_PREFIX, detect_mapping
from huddle.contacts.importing.profile import InferredType, infer_type, is_placeholder
from huddle.contacts.importing.reader import CsvSource, SourceRow, inspect_file
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.contacts.service import define_custom_field, list_custom_fields
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed

# Beyond this many distinct values a column is typed from its first ones and never a choice.
MAX_DISTINCT = 20_000
_NOT_KEY = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class NewField:
    header: str
    key: str
    inferred: InferredType


def header_key(header: str) -> str:
    """A custom field's key from a column's header or a field's label: "Lead Origin" ->
    "lead_origin", "Budget (USD)" -> "budget_usd" (the wizard's new fields too)."""
    key = _NOT_KEY.sub("_", header.lower()).strip("_")[:60].rstrip("_")
    if not key or not key[0].isalpha():
        key = f"field_{key}"[:60].rstrip("_")
    return key


def plan_new_fields(
    session: Session, path: Path, mapping: Mapping[str, object] | None
) -> tuple[dict[str, object], list[NewField]]:
    """The mapping with every left-out column mapped to a custom field, and the fields to
    define (those not defined yet), each typed from the column's values."""
    facts = inspect_file(path)
    with CsvSource(path, facts) as source:
        header = list(source.header)
        values = _column_values(source.rows(), len(header))
    existing = {d.key for d in list_custom_fields(session, "contact")}
    given = dict(mapping) if mapping is not None else _detected(header, existing)
    full: dict[str, object] = dict(given)
    taken = {str(t).removeprefix(CUSTOM_PREFIX) for t in given.values() if t}
    planned: list[NewField] = []
    for index, name in enumerate(header):
        if not name:
            continue
        if name in given:
            target = given[name]
        else:
            key = header_key(name)
            if key in taken:
                continue
            target = full[name] = CUSTOM_PREFIX + key
            taken.add(key)
        if isinstance(target, str) and target.startswith(CUSTOM_PREFIX):
            key = target.removeprefix(CUSTOM_PREFIX)
            if key not in existing:
                planned.append(NewField(name, key, _inferred(values[index])))
    return full, planned


def define_new_fields(session: Session, planned: list[NewField], *, actor: Actor) -> None:
    for new in planned:
        try:
            data = CustomFieldDefinitionCreate(
                entity="contact",
                key=new.key,
                label=new.header[:120] or new.key,
                field_type=new.inferred.field_type,
                choices=list(new.inferred.choices),
            )
        except ValueError as exc:  # pydantic's: a key the mapping gave that is not one
            raise ValidationFailed(
                f"the custom field for column '{new.header}' cannot be defined: {exc}"
            ) from exc
        define_custom_field(session, data, actor=actor)


def _detected(header: list[str], existing: set[str]) -> dict[str, object]:
    """A known export's own mapping (its columns keep their meaning)."""
    try:
        return dict(detect_mapping(header, custom_keys=existing).as_json())
    except ValidationFailed:
        return {}


def _column_values(rows: Iterator[SourceRow], width: int) -> list[Counter[str]]:
    """Each column's filled values (placeholders left out) with their counts."""
    counts: list[Counter[str]] = [Counter() for _ in range(width)]
    for row in rows:
        if row.broken is not None:
            continue
        for index, cell in enumerate(row.cells[:width]):
            text = cell.strip()
            if (
                text
                and not is_placeholder(text)
                and (text in counts[index] or len(counts[index]) < MAX_DISTINCT)
            ):
                counts[index][text] += 1
    return counts


def _inferred(values: Counter[str]) -> InferredType:
    inferred = infer_type(list(values.elements()))
    if inferred.field_type == "choice" and len(values) >= MAX_DISTINCT:
        return InferredType("text")
    return inferred

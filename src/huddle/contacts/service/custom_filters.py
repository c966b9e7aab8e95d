"""The contact list's conditions on your own fields, as a query, a form or a saved view
writes them: ``<field>:<op>[:<value>]`` with the value's parts comma-separated where the
operator takes several (``contact.custom.tier:in:gold,silver``,
``account.custom.seats:between:10,500``, ``contact.custom.partner:is_true``).

Each is checked against the field's definition with the operators and values the rules'
condition language allows (``huddle.core.comparison``), so a list filter and a fit rule
saying the same words match the same contacts; a mistake is a 422 naming ``where.<i>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.repository import CustomCondition
from huddle.contacts.schemas import ContactFilters
from huddle.contacts.service.custom_fields import FieldKinds, custom_field_kinds
from huddle.core.comparison import (
    LIST_OPERATORS,
    NO_VALUE,
    NUMBER,
    OPERATORS,
    check_value,
)
from huddle.core.errors import FieldError, ValidationFailed

SEVERAL = (*LIST_OPERATORS, "between")


def custom_conditions(
    session: Session, texts: Sequence[str], *, path: str = "where"
) -> list[CustomCondition]:
    """``texts`` as checked conditions; raises ValidationFailed naming each bad one."""
    if not texts:
        return []
    kinds = custom_field_kinds(session)
    found: list[CustomCondition] = []
    errors: list[FieldError] = []
    for i, text in enumerate(texts):
        parsed = _condition(text, kinds, f"{path}.{i}")
        if isinstance(parsed, FieldError):
            errors.append(parsed)
        else:
            found.append(parsed)
    if errors:
        raise ValidationFailed("check the conditions on custom fields", errors)
    return found


def check_filters(session: Session, filters: ContactFilters) -> None:
    """422 unless the filters' conditions on custom fields fit the fields (before a stream
    whose 200 would be sent already when they are read)."""
    custom_conditions(session, filters.where)


def _condition(text: str, kinds: FieldKinds, path: str) -> CustomCondition | FieldError:
    field, _, rest = text.partition(":")
    op, _, raw = rest.partition(":")
    field, op = field.strip(), op.strip()
    if field not in kinds:
        known = ", ".join(sorted(kinds)) or "none defined yet"
        return FieldError(path, f"unknown custom field {field!r}; one of {known}")
    kind, choices = kinds[field]
    if op not in OPERATORS[kind]:
        return FieldError(
            path, f"unknown operator {op!r} for {field}; one of {', '.join(OPERATORS[kind])}"
        )
    value = _value(op, raw.strip(), kind)
    problems = check_value(op, value, kind, path, choices=choices)
    if problems:
        return problems[0]
    table, key = field.split(".custom.", 1)
    return CustomCondition(table, key, op, value)


def _value(op: str, raw: str, kind: str) -> Any:
    if op in NO_VALUE:
        return raw or None
    if op in SEVERAL:
        return [_scalar(part.strip(), kind) for part in raw.split(",") if part.strip()]
    return _scalar(raw, kind)


def _scalar(raw: str, kind: str) -> Any:
    """A number field's value as a number (left as text when it is not one: the check
    then says so); anything else as the text given."""
    if kind != NUMBER:
        return raw
    try:
        number = float(raw)
    except ValueError:
        return raw
    return int(number) if number.is_integer() else number

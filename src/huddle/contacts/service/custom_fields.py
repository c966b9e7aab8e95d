"""Custom field definitions, and checking custom values against them."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.models import CustomFieldDefinition
from huddle.contacts.schemas import CustomFieldDefinitionCreate, CustomFieldDefinitionUpdate
from huddle.contacts.service.common import require
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.comparison import CUSTOM_KINDS
from huddle.core.errors import FieldError, ResourceAlreadyExists, ValidationFailed
from huddle.core.permissions import Action

MAX_TEXT = 2000
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}


def define_custom_field(
    session: Session, data: CustomFieldDefinitionCreate, *, actor: Actor
) -> CustomFieldDefinition:
    """Declare a custom field; its key is fixed, so stored values never lose their meaning."""
    permissions.require(actor, Action.FIELDS_CONFIGURE)
    if repository.custom_field_by_key(session, data.entity, data.key) is not None:
        raise ResourceAlreadyExists(f"the {data.entity} field '{data.key}' already exists")
    definition = CustomFieldDefinition(**data.model_dump())
    session.add(definition)
    session.flush()
    return definition


def list_custom_fields(
    session: Session, entity: str | None = None, *, archived: bool = True
) -> list[CustomFieldDefinition]:
    """The definitions, archived ones too unless ``archived`` is False (what pickers offer)."""
    definitions = repository.custom_fields(session, entity)
    return [d for d in definitions if archived or not d.archived]


# A custom field as conditions and list filters name it, with its kind and choices.
FieldKinds = dict[str, tuple[str, tuple[str, ...]]]


def custom_field_kinds(session: Session) -> FieldKinds:
    """Every custom field as ``contact.custom.<key>`` / ``account.custom.<key>`` -> (its
    kind in ``huddle.core.comparison``, a choice field's choices). Archived fields stay:
    rules written before the archive keep working."""
    return {
        f"{d.entity}.custom.{d.key}": (CUSTOM_KINDS[d.field_type], tuple(d.choices))
        for d in repository.custom_fields(session)
    }


def get_custom_field(session: Session, definition_id: int) -> CustomFieldDefinition:
    return require(repository.custom_field(session, definition_id), "custom field", definition_id)


def update_custom_field(
    session: Session, definition_id: int, data: CustomFieldDefinitionUpdate, *, actor: Actor
) -> CustomFieldDefinition:
    """Rename a field, add choices, archive or restore it; a choice that is in use may not
    be removed, and the key and type never change (stored values keep their meaning)."""
    permissions.require(actor, Action.FIELDS_CONFIGURE)
    definition = get_custom_field(session, definition_id)
    if data.label is not None:
        definition.label = data.label
    if data.archived is not None:
        definition.archived = data.archived
    if data.choices is not None:
        if definition.field_type != "choice":
            raise ValidationFailed(
                "only a choice field has choices", [FieldError("choices", "not a choice field")]
            )
        removed = sorted(set(definition.choices) - set(data.choices))
        if removed:
            raise ValidationFailed(
                "choices cannot be removed",
                [FieldError("choices", f"keep {', '.join(removed)}: values may use them")],
            )
        definition.choices = list(data.choices)
    session.flush()
    return definition


def clean_custom_values(
    session: Session, entity: str, values: dict[str, Any] | None, *, current: dict[str, Any]
) -> dict[str, Any]:
    """``current`` with ``values`` applied: each checked against its definition and stored in
    its canonical form (numbers as numbers, dates as YYYY-MM-DD); None or "" removes a value.

    Raises ValidationFailed naming each bad field as ``custom.<key>``.
    """
    result = dict(current or {})
    if not values:
        return result
    definitions = {d.key: d for d in repository.custom_fields(session, entity)}
    errors: list[FieldError] = []
    for key, raw in values.items():
        definition = definitions.get(key)
        if definition is None:
            errors.append(FieldError(f"custom.{key}", f"there is no {entity} field '{key}'"))
        elif raw is None or raw == "":
            result.pop(key, None)
        else:
            try:
                result[key] = _coerce(definition, raw)
            except ValueError as exc:
                errors.append(FieldError(f"custom.{key}", str(exc)))
    if errors:
        raise ValidationFailed("invalid custom field values", errors)
    return result


def custom_value_check(field_type: str, *, choices: Sequence[str] = ()) -> Callable[[Any], Any]:
    """What a field of ``field_type`` would store for a value, or ValueError saying why it
    cannot: values weighed before their field exists (the import wizard infers types)."""
    return partial(_coerce, CustomFieldDefinition(field_type=field_type, choices=list(choices)))


def _coerce(definition: CustomFieldDefinition, raw: Any) -> Any:
    kind = definition.field_type
    if kind == "boolean":
        return _boolean(raw)
    if kind == "number":
        return _number(raw)
    if not isinstance(raw, str):
        raise ValueError(f"expected text for a {kind} field, got {type(raw).__name__}")
    text = raw.strip()
    if kind == "date":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(f"'{text}' is not a date (YYYY-MM-DD)") from None
    if kind == "choice":
        if text not in definition.choices:
            raise ValueError(f"'{text}' is not one of {', '.join(definition.choices)}")
        return text
    if len(text) > MAX_TEXT:
        raise ValueError(f"longer than {MAX_TEXT} characters")
    return text


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    raise ValueError(f"'{raw}' is not true or false")


def _number(raw: Any) -> int | float:
    if isinstance(raw, bool):
        raise ValueError("expected a number, got true/false")
    if isinstance(raw, str):
        text = raw.strip().replace(",", "")
        try:
            raw = int(text)
        except ValueError:
            try:
                raw = float(text)
            except ValueError:
                raise ValueError(f"'{raw.strip()}' is not a number") from None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and math.isfinite(raw):
        return raw
    raise ValueError(f"'{raw}' is not a number")

"""What contacts can be grouped by: the built-in fields that hold categories, and every
custom field but free text (a choice, yes/no, a number, a date). Analytics (funnels,
reports) groups by these; ``count_contacts_by`` is the one query doing it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.repository.grouping import contact_counts_by
from huddle.contacts.schemas import ContactFilters
from huddle.contacts.service.custom_fields import list_custom_fields
from huddle.contacts.service.custom_filters import custom_conditions
from huddle.core.errors import FieldError, ValidationFailed

# Built-in fields whose values are categories worth a row of a report each.
BUILT_IN_GROUPS: tuple[tuple[str, str], ...] = (
    ("contact.lifecycle_stage", "Stage"),
    ("contact.country", "Country"),
    ("contact.seniority", "Seniority"),
    ("contact.department", "Department"),
    ("contact.first_touch_source", "First touch source"),
    ("contact.last_touch_source", "Last touch source"),
    ("account.industry", "Industry"),
    ("account.region", "Region"),
    ("account.country", "Company country"),
)
# Free text has as many values as contacts: nothing to group.
UNGROUPABLE_TYPES = ("text",)


@dataclass(frozen=True)
class GroupableField:
    name: str  # as conditions name it: contact.country, account.custom.plan
    label: str
    custom: bool


def groupable_fields(session: Session) -> list[GroupableField]:
    """Every field contacts may be grouped by: built-in ones, then the custom fields in use
    (archived ones left out), labelled as people know them."""
    fields = [GroupableField(name, label, custom=False) for name, label in BUILT_IN_GROUPS]
    for definition in list_custom_fields(session, archived=False):
        if definition.field_type not in UNGROUPABLE_TYPES:
            name = f"{definition.entity}.custom.{definition.key}"
            fields.append(GroupableField(name, definition.label, custom=True))
    return fields


def count_contacts_by(
    session: Session, field: str, filters: ContactFilters | None = None
) -> list[tuple[Any, int]]:
    """(value, contacts) of the filtered contacts by ``field`` (one of ``groupable_fields``),
    most frequent first. 422 for a field that cannot be grouped by."""
    if field not in {g.name for g in groupable_fields(session)}:
        raise ValidationFailed(
            "cannot group by that", [FieldError("group_by", f"{field!r} is not groupable")]
        )
    filters = filters or ContactFilters()
    where = custom_conditions(session, filters.where)
    return contact_counts_by(session, field, filters, custom=where)

"""Values a touch brought for the contact's own fields but did not write: someone posted a
form with the contact's email without proving to be them, so what the contact already
holds stays, and the new values wait on the touch for a person who may edit the contact
to apply them (or not).

On the touch: the values under their field names (as the form's answers are), and
``not_applied``, the names of those kept aside; once applied, ``applied_by`` (user id)
and ``applied_at`` say who and when. Names, not a nested copy of the values, so erasing
the contact drops the values with the rest of the touch's personal properties.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactUpdate
from huddle.contacts.service.common import require
from huddle.contacts.service.contacts import get_contact_detail, update_contact
from huddle.contacts.service.touches import get_touch
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict

NOT_APPLIED = "not_applied"
APPLIED_BY = "applied_by"
APPLIED_AT = "applied_at"
# The contact's own fields a touch may bring values for ("company": its account's name).
OWN_FIELDS = ("first_name", "last_name", "company", "job_title", "phone", "country", "city")


def current_value(contact: Contact, field: str) -> str | None:
    """What the contact holds in one of ``OWN_FIELDS`` (its account loaded for company)."""
    if field == "company":
        return contact.account.name if contact.account_id is not None and contact.account else None
    value = getattr(contact, field)
    return value if isinstance(value, str) else None


def split_values(contact: Contact, values: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Which of ``values`` (of ``OWN_FIELDS``) fill an empty field of the contact, and the
    names of those that would replace what it holds. A value it holds already (ignoring
    case) is neither."""
    fill: dict[str, str] = {}
    kept: list[str] = []
    for field, value in values.items():
        held = current_value(contact, field)
        if not held:
            fill[field] = value
        elif held.casefold() != value.casefold():
            kept.append(field)
    return fill, kept


def pending_values(properties: dict[str, Any]) -> dict[str, str]:
    """The values a touch kept aside that are still there to apply."""
    names = properties.get(NOT_APPLIED)
    if not isinstance(names, list):
        return {}
    return {
        name: properties[name]
        for name in names
        if name in OWN_FIELDS and isinstance(properties.get(name), str) and properties[name]
    }


def apply_touch_values(
    session: Session, contact_id: int, touch_id: int, *, actor: Actor
) -> Contact:
    """Write the values a touch of this contact kept aside into the contact ("Apply these
    values"), as an edit by ``actor`` (who must be allowed to edit the contact), and mark
    the touch applied. 409 when there is nothing (left) to apply."""
    touch = get_touch(session, touch_id)
    if touch.contact_id != contact_id:
        require(None, "touch", f"{touch_id} of contact {contact_id}")
    values = pending_values(touch.properties or {})
    if not values:
        raise Conflict("this touch has no values waiting to be applied")
    contact = update_contact(session, contact_id, ContactUpdate(**values), actor=actor)
    touch.properties = {
        **touch.properties,
        NOT_APPLIED: [],
        APPLIED_BY: actor.user_id,
        APPLIED_AT: clock.now().isoformat(),
    }
    session.flush()
    return get_contact_detail(session, contact.id)

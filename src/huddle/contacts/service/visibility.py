"""Who sees a person's email and phone: roles with CONTACT_READ_PERSONAL.

Others (product) see contacts by name and company only. Everything that leaves the service
layer for them (API records, timelines, exports) goes through here; the UI hides the same
fields with the same permission.
"""

from __future__ import annotations

from typing import Any

from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactRead, TimelineItem
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.permissions import Action

PERSONAL_FIELDS = ("email", "phone")
# Touch properties that carry contact details (form submissions, email events).
_PERSONAL_MARKERS = ("email", "phone", "mobile", "tel")


def sees_personal(actor: Actor) -> bool:
    return permissions.may(actor, Action.CONTACT_READ_PERSONAL)


def contact_read(contact: Contact, *, actor: Actor) -> ContactRead:
    """The contact as the actor may see it (email and phone null without the permission)."""
    read = ContactRead.model_validate(contact)
    if sees_personal(actor):
        return read
    return read.model_copy(update=dict.fromkeys(PERSONAL_FIELDS))


def _personal_key(key: str) -> bool:
    lowered = key.lower()
    return any(marker in lowered for marker in _PERSONAL_MARKERS)


def _without_personal(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not _personal_key(k)}


def timeline_item(item: TimelineItem, *, actor: Actor) -> TimelineItem:
    if sees_personal(actor):
        return item
    data = dict(item.data)
    title = item.title
    if item.kind == "touch" and isinstance(data.get("properties"), dict):
        data["properties"] = _without_personal(data["properties"])
    elif item.kind == "merge":
        # The merged record's email named it; its id does as well.
        title = f"Merged record #{data.get('merged_id')} into this one"
        data.pop("resolution", None)
    return item.model_copy(update={"data": data, "title": title})


def export_record(record: dict[str, Any], *, personal: bool) -> dict[str, Any]:
    if personal:
        return record
    return {**record, **dict.fromkeys(PERSONAL_FIELDS)}

"""Touches: everything a contact did or that was done to them, each stored exactly once."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from huddle.contacts import repository
from huddle.contacts.events import TouchRecorded
from huddle.contacts.models import Contact, Touch
from huddle.contacts.schemas import TouchCreate
from huddle.contacts.service.common import raise_if, require, touch_actor_type
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError
from huddle.core.events import publish
from huddle.core.permissions import Action

# contact column suffix -> (touch property names, first one present wins; column length)
ATTRIBUTION: dict[str, tuple[tuple[str, ...], int]] = {
    "source": (("utm_source",), 200),
    "medium": (("utm_medium",), 200),
    "campaign": (("utm_campaign",), 200),
    "referrer": (("referrer",), 2000),
    "landing_page": (("landing_page", "url"), 2000),
}


def get_touch(session: Session, touch_id: int) -> Touch:
    return require(repository.touch(session, touch_id), "touch", touch_id)


def record_touch(session: Session, data: TouchCreate, *, actor: Actor) -> Touch:
    """Store a touch once (a repeated ``idempotency_key`` returns the stored touch unchanged),
    keep the contact's first and last touch source current and publish ``TouchRecorded``."""
    return store_touch(session, data, actor=actor)[0]


def store_touch(session: Session, data: TouchCreate, *, actor: Actor) -> tuple[Touch, bool]:
    """``record_touch`` that also says whether the touch is new (False: a repeated key)."""
    permissions.require(actor, Action.TOUCH_WRITE)
    contact = None
    if data.contact_id is not None:
        contact = require(repository.contact(session, data.contact_id), "contact", data.contact_id)
    if data.campaign_id is not None and not repository.campaign_exists(session, data.campaign_id):
        raise_if(
            [FieldError("campaign_id", f"no campaign with id {data.campaign_id}")], "bad touch"
        )
    touch = repository.insert_touch(
        session,
        {
            "type": data.type,
            "occurred_at": data.occurred_at or clock.now(),
            "contact_id": data.contact_id,
            "visitor_id": data.visitor_id,
            "account_id": contact.account_id if contact is not None else None,
            "actor_type": touch_actor_type(actor),
            "actor_user_id": actor.user_id,
            "properties": data.properties,
            "campaign_id": data.campaign_id,
            "asset_id": data.asset_id,
            "workflow_id": data.workflow_id,
            "idempotency_key": data.idempotency_key,
        },
    )
    if touch is None:
        # The same delivery again: the stored touch, unchanged.
        key = data.idempotency_key or ""
        return require(repository.touch_by_key(session, key), "touch", key), False
    if contact is not None:
        _attribute(contact, touch, session)
    publish(
        session,
        TouchRecorded(
            touch_id=touch.id,
            contact_id=touch.contact_id,
            type=touch.type,
            occurred_at=touch.occurred_at,
        ),
    )
    return touch, True


def attribution_values(properties: dict[str, Any]) -> dict[str, str | None]:
    """The source, medium, campaign, referrer and landing page a touch's properties give."""
    values: dict[str, str | None] = {}
    for suffix, (names, length) in ATTRIBUTION.items():
        found = next((properties[n] for n in names if properties.get(n) not in (None, "")), None)
        values[suffix] = None if found is None else str(found)[:length]
    return values


def _attribute(contact: Contact, touch: Touch, session: Session) -> None:
    """First touch: the earliest touch; last touch: the latest. Both only ever move outward,
    so the loaded contact is a safe first filter before the conditional UPDATE decides."""
    at = touch.occurred_at
    values = attribution_values(touch.properties)
    for end, is_beyond in (("first", at.__lt__), ("last", at.__gt__)):
        current = getattr(contact, f"{end}_touch_at")
        if current is not None and not is_beyond(current):
            continue
        if repository.move_touch_end(session, contact.id, end, at, values):
            for suffix, value in values.items():
                set_committed_value(contact, f"{end}_touch_{suffix}", value)
            set_committed_value(contact, f"{end}_touch_at", at)

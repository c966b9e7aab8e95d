"""Small typed factories for the shared record, for any domain's tests.

They write rows directly: no service rules run and no events are published, so a test
gets exactly the row it asked for (e.g. a contact already in "mql" with no stage history).
A test that needs the real rules (dedupe, account matching, ``ContactsCreated``) calls
``huddle.contacts.service.upsert_contact`` instead.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact, CustomFieldDefinition, Note, Touch
from huddle.core import clock

_sequence = itertools.count(1)


def _unique() -> str:
    return f"{next(_sequence)}-{uuid.uuid4().hex[:6]}"


def make_account(session: Session, **overrides: Any) -> Account:
    """An account with a unique name and domain; any column may be overridden."""
    suffix = _unique()
    values: dict[str, Any] = {"name": f"Account {suffix}", "domain": f"account-{suffix}.example"}
    values.update(overrides)
    account = Account(**values)
    session.add(account)
    session.flush()
    return account


def make_contact(session: Session, **overrides: Any) -> Contact:
    """A contact with a unique email, in stage "lead", without an account unless given.

    ``account=<Account>`` is accepted as a shortcut for ``account_id=account.id``.
    """
    account: Account | None = overrides.pop("account", None)
    suffix = _unique()
    values: dict[str, Any] = {
        "email": f"contact-{suffix}@example.org",
        "first_name": "Test",
        "last_name": f"Contact {suffix}",
        "lifecycle_stage": "lead",
        "account_id": account.id if account is not None else None,
    }
    values.update(overrides)
    contact = Contact(**values)
    session.add(contact)
    session.flush()
    return contact


def make_touch(session: Session, **overrides: Any) -> Touch:
    """A page view, now, by a new contact unless ``contact=``/``contact_id=`` is given.

    The touch's account is the contact's, as ``record_touch`` would set it.
    """
    contact: Contact | None = overrides.pop("contact", None)
    if contact is None and "contact_id" not in overrides and "visitor_id" not in overrides:
        contact = make_contact(session)
    values: dict[str, Any] = {
        "type": "page_view",
        "occurred_at": clock.now(),
        "properties": {},
    }
    if contact is not None:
        values["contact_id"] = contact.id
        values["account_id"] = contact.account_id
    values.update(overrides)
    touch = Touch(**values)
    session.add(touch)
    session.flush()
    return touch


def make_note(session: Session, **overrides: Any) -> Note:
    """A note on a new contact unless a subject (contact_id/account_id/opportunity_id) is given."""
    if not {"contact_id", "account_id", "opportunity_id"} & overrides.keys():
        overrides["contact_id"] = make_contact(session).id
    values: dict[str, Any] = {"body": "A note.", "mentioned_user_ids": []}
    values.update(overrides)
    note = Note(**values)
    session.add(note)
    session.flush()
    return note


def make_custom_field(session: Session, **overrides: Any) -> CustomFieldDefinition:
    """A text custom field on contacts with a unique key."""
    values: dict[str, Any] = {
        "entity": "contact",
        "key": f"field_{next(_sequence)}",
        "label": "A custom field",
        "field_type": "text",
        "choices": [],
    }
    values.update(overrides)
    definition = CustomFieldDefinition(**values)
    session.add(definition)
    session.flush()
    return definition

"""Notes on a contact, an account or a deal, with @mentions resolved to users."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts import repository
from huddle.contacts.models import Note
from huddle.contacts.service.common import require
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action

# "@jane.doe" (a user's name, words joined by dots) or "@jane@acme.com" (a user's email);
# not the middle of an address such as bob@acme.com.
MENTION = re.compile(r"(?<![\w@.])@([\w.%+-]+(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)", re.IGNORECASE)


def handle_of(name: str) -> str:
    """The @handle of a user: their name in lower case, words joined by dots."""
    return ".".join(name.lower().split())


def resolve_mentions(session: Session, body: str) -> list[int]:
    """The ids of the users mentioned in ``body``, each once, in order. A token that names
    no user (or more than one, by name) stays plain text."""
    tokens = [match.group(1).rstrip(".").lower() for match in MENTION.finditer(body)]
    if not tokens:
        return []
    by_key: dict[str, int | None] = {}
    for user in auth_service.list_users(session):
        by_key[user.email.lower()] = user.id
        handle = handle_of(user.name)
        # Two people with the same name: "@jane.doe" is ambiguous and resolves to nobody.
        by_key[handle] = user.id if by_key.get(handle, user.id) == user.id else None
    found = [by_key.get(token) for token in tokens]
    return list(dict.fromkeys(user_id for user_id in found if user_id is not None))


def add_note(
    session: Session,
    *,
    contact_id: int | None = None,
    account_id: int | None = None,
    body: str,
    actor: Actor,
) -> Note:
    """A note by the actor on exactly one contact or account (a note on a deal:
    ``lifecycle.service.add_deal_note``). Sales reps write notes only on their own or
    unassigned records (a note is part of the record it is on)."""
    permissions.require(actor, Action.NOTE_WRITE)
    subjects = {"contact_id": contact_id, "account_id": account_id}
    if sum(value is not None for value in subjects.values()) != 1:
        raise ValidationFailed(
            "a note is on exactly one subject",
            [FieldError(name, "give exactly one of these") for name in subjects],
        )
    text = _note_text(body)
    permissions.require_owned(
        actor, Action.NOTE_WRITE, _owner_of_subject(session, contact_id, account_id)
    )
    return _store(session, subjects, text, actor=actor)


def add_deal_note(
    session: Session,
    opportunity_id: int,
    *,
    owner_of_deal: Callable[[], int | None],
    body: str,
    actor: Actor,
) -> Note:
    """A note on a deal. Deals are the lifecycle domain's, which builds on contacts, so only
    ``lifecycle.service.add_deal_note`` calls this: ``owner_of_deal`` finds the deal (404
    if there is none) and says who owns it, asked at the point a contact's owner would be."""
    permissions.require(actor, Action.NOTE_WRITE)
    text = _note_text(body)
    permissions.require_owned(actor, Action.NOTE_WRITE, owner_of_deal())
    return _store(session, {"opportunity_id": opportunity_id}, text, actor=actor)


def deal_notes(session: Session, opportunity_id: int, *, limit: int = 100) -> list[Note]:
    """The notes on a deal, newest first (the deal's page shows them in its activity)."""
    return repository.notes_on_deal(session, opportunity_id, limit=limit)


def _note_text(body: str) -> str:
    text = body.strip()
    if not text:
        raise ValidationFailed("empty note", [FieldError("body", "write something")])
    return text


def _store(session: Session, subject: dict[str, int | None], text: str, *, actor: Actor) -> Note:
    note = Note(
        **subject,
        author_id=actor.user_id,
        body=text,
        mentioned_user_ids=resolve_mentions(session, text),
    )
    session.add(note)
    session.flush()
    return note


def _owner_of_subject(
    session: Session, contact_id: int | None, account_id: int | None
) -> int | None:
    """The owner of the contact or account a note is on (404 if it does not exist)."""
    if contact_id is not None:
        return require(repository.contact(session, contact_id), "contact", contact_id).owner_id
    return require(repository.account(session, account_id or 0), "account", account_id).owner_id


def get_note(session: Session, note_id: int) -> Note:
    return require(repository.note(session, note_id), "note", note_id)

"""Consent: every change of email_opt_in, do_not_email or do_not_call is kept with where it
came from and what the person was shown."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.events import ConsentChanged
from huddle.contacts.models import ConsentChange, Contact
from huddle.contacts.schemas import CONSENT_FIELDS, check_opt_in
from huddle.contacts.service.common import require
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action

# Erased contacts' emails end with this (a reserved TLD: nothing is ever delivered there).
ERASED_DOMAIN = "erased.invalid"


def _check(field: str, value: str | bool) -> None:
    if field not in CONSENT_FIELDS:
        raise ValidationFailed(
            f"{field!r} is not a consent field",
            [FieldError("field", f"one of {', '.join(CONSENT_FIELDS)}")],
        )
    if field == "email_opt_in":
        if not isinstance(value, str):
            raise ValidationFailed("bad consent value", [FieldError("value", "a state")])
        try:
            check_opt_in(value)
        except ValueError as exc:
            raise ValidationFailed("bad consent value", [FieldError("value", str(exc))]) from exc
    elif not isinstance(value, bool):
        raise ValidationFailed("bad consent value", [FieldError("value", "true or false")])


def record_consent(
    session: Session,
    contact: Contact,
    *,
    field: str,
    value: str | bool,
    source: str | None,
    text_shown: str | None,
    actor: Actor,
    new_contact: bool = False,
) -> ConsentChange | None:
    """Set one consent flag and keep the change; nothing is written if it does not change.

    For a contact being created the old value is recorded as unknown (None)."""
    _check(field, value)
    old = None if new_contact else getattr(contact, field)
    if not new_contact and old == value:
        return None
    setattr(contact, field, value)
    at = clock.now()
    source = source or actor.describe()
    change = repository.add_consent_change(
        session,
        contact_id=contact.id,
        field=field,
        old_value=old,
        new_value=value,
        source=source,
        text_shown=text_shown,
        by_user_id=actor.user_id,
        at=at,
    )
    publish(
        session,
        ConsentChanged(
            contact_id=contact.id,
            field=field,
            old_value=old,
            new_value=value,
            source=source,
            at=at,
            actor=actor,
        ),
    )
    return change


def set_consent(
    session: Session,
    contact_id: int,
    *,
    field: str,
    value: str | bool,
    source: str,
    text_shown: str | None = None,
    actor: Actor,
) -> Contact:
    """Change one consent flag of a contact, with its source and the text shown. Sales reps
    change it only on their own or unassigned contacts."""
    permissions.require(actor, Action.CONSENT_EDIT)
    contact = require(repository.contact(session, contact_id), "contact", contact_id)
    permissions.require_owned(actor, Action.CONSENT_EDIT, contact.owner_id)
    record_consent(
        session,
        contact,
        field=field,
        value=value,
        source=source,
        text_shown=text_shown,
        actor=actor,
    )
    session.flush()
    return contact


def consent_history(session: Session, contact_id: int, *, actor: Actor) -> list[ConsentChange]:
    """Every consent change of the contact, oldest first (the consent record: who may see
    it is limited, as it shows the exact text a person agreed to and where)."""
    permissions.require(actor, Action.CONSENT_READ)
    require(repository.contact(session, contact_id), "contact", contact_id)
    return repository.consent_history(session, contact_id)


def can_email(contact: Contact) -> bool:
    """Whether Huddle may send this contact an email. Every email send must ask this first.

    No to anyone who opted out or is marked do-not-email (an unsubscribe sets both), to
    contacts without an address (keyed by an external id), and to erased contacts (their
    address is a placeholder). "unknown" consent is allowed: the
    sender decides whether a send needs an explicit opt-in (e.g. marketing under GDPR).
    """
    return (
        contact.email_opt_in != "opted_out"
        and not contact.do_not_email
        and contact.email is not None
        and not contact.email.endswith("@" + ERASED_DOMAIN)
    )

"""Personal data of one contact: what Huddle holds on them (export), and erasure.

Erasure keeps the contact row, its stage history and its touches (type and time), so
funnel counts and attribution stay right; every value that identifies the person goes,
irreversibly: the email becomes a random placeholder (not a hash, which a dictionary of
emails would reverse), names, phone, city, job title and custom values are emptied, and
the person's details are scrubbed from touch properties, notes, consent records, merge
snapshots and saved views. ``ContactErased`` then lets every other domain scrub its rows.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.events import ContactErased
from huddle.contacts.models import ConsentChange, Contact, MergeRecord, Note, Touch
from huddle.contacts.schemas import (
    ConsentChangeRead,
    ContactRead,
    MergeRecordRead,
    NoteRead,
    PersonalAccount,
    PersonalTouch,
)
from huddle.contacts.schemas.normalize import full_name
from huddle.contacts.service.consent import ERASED_DOMAIN
from huddle.contacts.service.contacts import get_contact, get_contact_detail
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict
from huddle.core.events import publish
from huddle.core.scrub import needles_of, scrub

# Touch property keys that hold a person's details whatever their value.
PERSONAL_PROPERTY_KEYS = frozenset(
    {
        "email",
        "name",
        "full_name",
        "first_name",
        "last_name",
        "firstname",
        "lastname",
        "phone",
        "mobile",
        "ip",
        "ip_address",
        "user_agent",
        "address",
        "street",
        "city",
        "zip",
        "postal_code",
        "linkedin",
    }
)
# Emptied on erasure. Seniority, department and country stay: coarse, shared by many
# people, and what anonymous counts are broken down by.
ERASED_FIELDS = ("first_name", "last_name", "phone", "city", "job_title")
_IDENTITY_KEYS = ("email", "first_name", "last_name", "phone")


def is_erased(contact: Contact) -> bool:
    return contact.email is not None and contact.email.endswith("@" + ERASED_DOMAIN)


def _identities(contact: Contact, merges: list[MergeRecord]) -> list[dict[str, Any]]:
    """The person as this contact and as every contact merged into it."""
    own = {key: getattr(contact, key) for key in _IDENTITY_KEYS}
    return [own, *(m.merged_snapshot or {} for m in merges)]


def _needles(identities: list[dict[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(strong, own): what names the person anywhere in Huddle (email, full name, phone),
    and what may be scrubbed from rows about them only (also single names and the email's
    local part, which would blank unrelated words if scrubbed everywhere)."""
    strong: list[str | None] = []
    own: list[str | None] = []
    for person in identities:
        email, first, last = person.get("email"), person.get("first_name"), person.get("last_name")
        full = full_name(first, last) or None
        strong += [email, full, person.get("phone")]
        own += [first, last, email.split("@", 1)[0] if isinstance(email, str) else None]
    return needles_of(strong), needles_of(strong + own)


def _clean_properties(properties: dict[str, Any], needles: tuple[str, ...]) -> dict[str, Any]:
    kept = {k: v for k, v in properties.items() if k.lower() not in PERSONAL_PROPERTY_KEYS}
    cleaned: dict[str, Any] = scrub(kept, needles)
    return cleaned


def erase_contact(session: Session, contact_id: int, *, actor: Actor) -> Contact:
    """Irreversibly anonymise a contact (the right to erasure); 409 if already erased.
    Permission is checked by the caller (``privacy.service``)."""
    contact = get_contact(session, contact_id)
    if is_erased(contact):
        raise Conflict(f"contact {contact_id} is already erased")
    merges = repository.merges_into(session, contact_id)
    strong, own = _needles(_identities(contact, merges))
    _erase_record(contact, own)
    _scrub_consent(repository.consent_history(session, contact_id), own)
    _scrub_touches(repository.touches_of(session, contact_id), own)
    _scrub_notes(repository.notes_about(session, contact_id, strong), contact_id, strong, own)
    for merge in merges:
        merge.merged_snapshot = {
            k: scrub(v, own)
            for k, v in (merge.merged_snapshot or {}).items()
            if k not in (*_IDENTITY_KEYS, *ERASED_FIELDS, "custom")
        }
    for view in repository.saved_views_naming(session, strong):
        view.filters = scrub(view.filters, strong)
    session.flush()
    publish(session, ContactErased(contact_id=contact_id, needles=own, at=clock.now(), actor=actor))
    return contact


def _erase_record(contact: Contact, needles: tuple[str, ...]) -> None:
    contact.email = f"erased-{secrets.token_hex(12)}@{ERASED_DOMAIN}"
    # The source CRM's id would let a later import of that CRM find (and refill) the record.
    contact.external_id = None
    for field in ERASED_FIELDS:
        setattr(contact, field, None)
    contact.custom = {}
    for field in ("referrer", "landing_page"):
        for end in ("first", "last"):
            name = f"{end}_touch_{field}"
            setattr(contact, name, scrub(getattr(contact, name), needles))
    # Nobody may be emailed or called any more: there is no one to reach.
    contact.do_not_email = True
    contact.do_not_call = True


def _scrub_consent(changes: list[ConsentChange], needles: tuple[str, ...]) -> None:
    for change in changes:
        change.source = scrub(change.source, needles)
        change.text_shown = scrub(change.text_shown, needles)


def _scrub_touches(touches: list[Touch], needles: tuple[str, ...]) -> None:
    for touch in touches:
        touch.properties = _clean_properties(touch.properties or {}, needles)
        touch.visitor_id = None  # a cookie id is personal data too
        # A hash of a payload that held the email confirms a guessed address: gone too.
        touch.idempotency_fingerprint = None
        if touch.idempotency_key and scrub(touch.idempotency_key, needles) != touch.idempotency_key:
            touch.idempotency_key = None


def _scrub_notes(
    notes: list[Note], contact_id: int, strong: tuple[str, ...], own: tuple[str, ...]
) -> None:
    for note in notes:
        note.body = scrub(note.body, own if note.contact_id == contact_id else strong)


def personal_data(session: Session, contact_id: int) -> dict[str, Any]:
    """Everything the shared record holds on a contact: the record itself, its account (by
    name only: the company is not the person), consent history, touches, notes on or
    naming them, and the details of contacts merged into it, each as its read schema
    (``privacy.schemas.PersonalDataExport`` puts them together)."""
    contact = get_contact_detail(session, contact_id)
    merges = repository.merges_into(session, contact_id)
    strong, _ = _needles(_identities(contact, merges))
    account = contact.account
    consent = repository.consent_history(session, contact_id)
    notes = repository.notes_about(session, contact_id, strong)
    return {
        "contact": ContactRead.model_validate(contact),
        "account": PersonalAccount.model_validate(account) if account is not None else None,
        "consent_history": [ConsentChangeRead.model_validate(c) for c in consent],
        "touches": [
            PersonalTouch.model_validate(t) for t in repository.touches_of(session, contact_id)
        ],
        "notes": [NoteRead.model_validate(n) for n in notes],
        "merged_records": [MergeRecordRead.model_validate(m) for m in merges],
    }

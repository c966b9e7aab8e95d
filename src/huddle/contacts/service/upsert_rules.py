"""The rules of an upsert, one set for the API (``upsert_contact``, a contact at a time)
and the bulk import (``importing.bulk``, a chunk at a time).

Both hold a contact as plain values (``state``: a field -> value dict) and ask these
functions what follows from what a request or a row gives: which contact it is (the key),
what its fields become, which account it belongs to, which consent changes to record and
which events to publish. Only the lookups differ: one query per contact for the API, one
per chunk for an import, so the database-free rules live here and the callers bring the
lookups (``AccountLookups``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, NamedTuple, Protocol, TypeVar

from huddle.contacts.schemas import CONSENT_DEFAULTS, CONSENT_FIELDS, CONTACT_PROFILE_FIELDS
from huddle.contacts.schemas.normalize import (
    company_domain_of,
    is_free_mail,
    is_reserved_domain,
)

DedupeKey = Literal["email", "external_id"]
DEDUPE_KEYS: tuple[DedupeKey, ...] = ("email", "external_id")
KEY_FIELDS = frozenset(DEDUPE_KEYS)
# What an upsert may change on an existing contact (the stage moves through lifecycle).
UPDATABLE = (*DEDUPE_KEYS, *CONTACT_PROFILE_FIELDS, "account_id", *CONSENT_FIELDS, "custom")
# The fields that choose a contact's account.
ACCOUNT_FIELDS = frozenset({"account_id", "company", "company_domain"})
# The fields an empty cell may clear (``clear_empty``): never a key, a consent flag (they
# cannot be null: consent changes only by a statement) or the stage.
CLEARABLE = frozenset({*CONTACT_PROFILE_FIELDS, "company", "company_domain", "custom"})


def key_order(key: DedupeKey) -> tuple[DedupeKey, DedupeKey]:
    """The keys a contact is looked up by, in turn: the chosen one, then the other (a row
    without the chosen key is still matched by the other)."""
    return ("email", "external_id") if key == "email" else ("external_id", "email")


def lookup_keys(given: Mapping[str, Any], key: DedupeKey) -> list[tuple[DedupeKey, str]]:
    """The (key, value) pairs to look a contact up by, in order, for the keys given."""
    return [(name, given[name]) for name in key_order(key) if given.get(name) is not None]


# --- accounts ------------------------------------------------------------------------------

A = TypeVar("A", covariant=True)


class AccountLookups(Protocol, Generic[A]):
    """How a caller finds and creates accounts: one by one, or from a chunk's prefetch."""

    def by_name(self, name: str) -> A | None: ...

    def by_domain(self, domain: str) -> A | None: ...

    def create(self, name: str, domain: str | None, *, enriched: list[str]) -> A: ...


def resolve_account(lookups: AccountLookups[A], domain: str | None, name: str | None) -> A | None:
    """The account of a company (domain and/or name), created if need be.

    A name finds its account first (the oldest of that name), then the domain does. Free
    mail never names a company; a reserved or made-up domain (``.example``, ``.invalid``,
    ``localhost``...) never creates an account either, though one a person made with it
    is still found.
    """
    if domain is not None and is_free_mail(domain):
        domain = None
    if name is not None:
        found = lookups.by_name(name)
        if found is not None:
            return found
    if domain is None:
        return lookups.create(name, None, enriched=[]) if name else None
    found = lookups.by_domain(domain)
    if found is not None:
        return found
    if is_reserved_domain(domain):
        return lookups.create(name, None, enriched=[]) if name else None
    if name is not None:
        return lookups.create(name, domain, enriched=[])
    # Until enrichment knows better, the name comes from the domain and may be refreshed.
    return lookups.create(placeholder_name(domain), domain, enriched=["name"])


def placeholder_name(domain: str) -> str:
    return domain.split(".", 1)[0].replace("-", " ").title()


class CompanyOf(NamedTuple):
    """What a contact's account is looked up by. ``detach``: the contact leaves its account
    (an update that names no company). A tuple: an import makes one per row."""

    domain: str | None
    name: str | None
    detach: bool = False


def company_of(
    given: Mapping[str, Any],
    *,
    email: str | None,
    new: bool,
    domain_of: Callable[[str], str | None] = company_domain_of,
) -> CompanyOf | None:
    """The company a new contact, or an update naming one, is linked by; None when the
    contact's account does not change (an explicit ``account_id`` is the caller's).
    ``domain_of``: the company domain of an email (a caller may cache it)."""
    if not new and ACCOUNT_FIELDS.isdisjoint(given):
        return None
    name, domain = given.get("company"), given.get("company_domain")
    if not new and not (name or domain):
        return CompanyOf(None, None, detach=True)
    if not domain and email is not None:
        domain = domain_of(email)
    return CompanyOf(domain, name)


# --- fields --------------------------------------------------------------------------------


_NEW_STATE: dict[str, Any] = dict.fromkeys(UPDATABLE) | CONSENT_DEFAULTS
_UPDATABLE_SET = frozenset(UPDATABLE)
_CONSENT_SET = frozenset(CONSENT_FIELDS)


def new_contact_state(given: Mapping[str, Any]) -> dict[str, Any]:
    """A new contact's fields: what is given, the defaults for the rest (consent: unknown)."""
    state = _NEW_STATE.copy()
    # A row gives a few fields: only those are looked at (an import makes a million).
    for name in _UPDATABLE_SET.intersection(given):
        value = given[name]
        if value is not None or name not in _CONSENT_SET:
            state[name] = value
    if state["custom"] is None:
        state["custom"] = {}
    return state


def updated_state(state: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """An existing contact's fields after an upsert: each field given changes (None clears a
    profile field), but a key or a consent flag never becomes empty. ``custom`` and
    ``account_id``, when given, are the caller's already resolved values."""
    after = dict(state)
    for name in UPDATABLE:
        if name not in given:
            continue
        value = given[name]
        if value is None and (name in KEY_FIELDS or name in CONSENT_FIELDS):
            continue
        after[name] = value if name != "custom" else (value or {})
    return after


def consent_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(field, old value, new value) of each consent flag to record. A new contact
    (``before`` None) records what differs from the defaults, its old value unknown."""
    changes = []
    for name in CONSENT_FIELDS:
        if before is None:
            if after[name] != CONSENT_DEFAULTS[name]:
                changes.append((name, None, after[name]))
        elif after[name] != before[name]:
            changes.append((name, before[name], after[name]))
    return changes


def is_news(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether a change is news about the person (``ContactsChanged``: rescoring, MQL
    criteria, webhooks). A new owner alone is a hand-off (``OwnerChanged``), not news: it
    is often made while qualification runs, which rescoring would enter again."""
    return any(before[name] != after[name] for name in UPDATABLE if name != "owner_id")

"""Events the shared record emits; other domains subscribe instead of being called."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class NewContact:
    contact_id: int
    lifecycle_stage: str
    at: datetime
    # Created with its past (an import's stage dates): its stage history is recorded
    # from that past, not started at ``at``.
    has_history: bool = False


@dataclass(frozen=True)
class ContactsCreated(DomainEvent):
    """One or many contacts were created (a single upsert, or a chunk of an import)."""

    contacts: tuple[NewContact, ...]
    actor: Actor


@dataclass(frozen=True)
class ContactsMerged(DomainEvent):
    """Published before ``merged_id`` is deleted: subscribers move their rows to the survivor."""

    survivor_id: int
    merged_id: int
    actor: Actor


@dataclass(frozen=True)
class ContactsChanged(DomainEvent):
    """What people entered about these contacts, or about these accounts (and so about
    their contacts), changed: an edit, a merge's survivor, an enrichment. What is derived
    from those attributes (fit scores, grades, qualification) is recomputed."""

    contact_ids: tuple[int, ...]
    account_ids: tuple[int, ...]
    actor: Actor


@dataclass(frozen=True)
class AccountsMerged(DomainEvent):
    survivor_id: int
    merged_id: int
    actor: Actor


@dataclass(frozen=True)
class TouchRecorded(DomainEvent):
    touch_id: int
    contact_id: int | None
    type: str
    occurred_at: datetime


@dataclass(frozen=True)
class OwnerChanged(DomainEvent):
    """A contact's or an account's owner changed (``None``: unassigned)."""

    # "contact" or "account"
    subject_type: str
    subject_id: int
    from_owner_id: int | None
    to_owner_id: int | None
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class ConsentChanged(DomainEvent):
    """One consent flag of a contact changed; the full record is the ``consent_changes`` row."""

    contact_id: int
    field: str
    old_value: str | bool | None
    new_value: str | bool
    source: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class ContactErased(DomainEvent):
    """A contact's personal data was erased (the right to erasure).

    ``needles`` are the erased values (email, names, phone), held in memory only, so each
    domain can scrub them from its own rows: subscribers must never store or log them.
    """

    contact_id: int
    needles: tuple[str, ...]
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class TouchesRecorded(DomainEvent):
    """A batch of touches was stored, each once (``record_touches``): one event per batch,
    so subscribers (scoring, workflows) can work set-at-a-time too."""

    touch_ids: tuple[int, ...]
    # The distinct contacts the batch touched (anonymous visitors' touches have none).
    contact_ids: tuple[int, ...]
    types: tuple[str, ...]


@dataclass(frozen=True)
class TouchesAttached(DomainEvent):
    """An identified visitor's anonymous touches now belong to the contact."""

    visitor_id: str
    contact_id: int
    touch_ids: tuple[int, ...]
    actor: Actor


@dataclass(frozen=True)
class ContactsBulkChanged(DomainEvent):
    """A bulk action on the contact list ran: one audit entry for the whole action (each
    contact's own change is recorded as a single edit's is)."""

    # "assign_owner" or "change_stage"
    action: str
    # The new owner's id (None: unassigned) or the stage moved to.
    value: int | str | None
    # The filters that chose the contacts, as the list's query states them.
    filters: dict[str, Any]
    matched: int
    changed: int
    refused: int
    actor: Actor

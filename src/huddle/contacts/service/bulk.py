"""Bulk actions on the contact list: one change to every contact a selection or a filter
chooses, each contact changed as a single edit would change it (the same permission and
ownership checks, the same events and audit entries), plus one audit entry for the action.

A contact the change is refused for (another rep's, a stage move the lifecycle does not
allow) is reported with the reason and left as it was; the others change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.events import ContactsBulkChanged
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactFilters, ContactSort, ContactUpdate
from huddle.contacts.service.contacts import contact_sorting, update_contact
from huddle.contacts.service.custom_filters import custom_conditions
from huddle.contacts.service.stage_moves import stage_mover
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, HuddleError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action
from huddle.core.stages import STAGES

# One request changes at most this many contacts (each is a full edit, with its events):
# beyond it, narrow the filter.
BULK_LIMIT = 2_000


@dataclass(frozen=True)
class Refusal:
    contact_id: int
    name: str
    reason: str


@dataclass
class BulkOutcome:
    matched: int
    changed: int = 0
    unchanged: int = 0
    refused: list[Refusal] = field(default_factory=list)


def bulk_contacts(session: Session, filters: ContactFilters, *, actor: Actor) -> list[Contact]:
    """The contacts a bulk action would change, oldest first; 422 beyond ``BULK_LIMIT``."""
    key = contact_sorting(session, ContactSort.CREATED_AT).key
    found = repository.contact_page(
        session,
        filters,
        key,
        after=None,
        limit=BULK_LIMIT + 1,
        custom=custom_conditions(session, filters.where),
    )
    if len(found) > BULK_LIMIT:
        raise ValidationFailed(
            "too many contacts",
            [
                FieldError(
                    "filters",
                    f"a bulk action changes at most {BULK_LIMIT:,} contacts at a time: "
                    "narrow the filter",
                )
            ],
        )
    return found


def assign_owner(
    session: Session, filters: ContactFilters, owner_id: int | None, *, actor: Actor
) -> BulkOutcome:
    """Give every chosen contact ``owner_id`` (None: unassigned)."""
    permissions.require(actor, Action.CONTACT_EDIT)
    change = ContactUpdate(owner_id=owner_id)

    def assign(contact: Contact) -> bool:
        if contact.owner_id == owner_id:
            return False
        update_contact(session, contact.id, change, actor=actor)
        return True

    outcome = _each(session, filters, assign, actor=actor)
    _announce(session, "assign_owner", owner_id, filters, outcome, actor=actor)
    return outcome


def change_stage(
    session: Session, filters: ContactFilters, stage: str, *, actor: Actor
) -> BulkOutcome:
    """Move every chosen contact to ``stage`` through the lifecycle (its allowed moves)."""
    permissions.require(actor, Action.STAGE_CHANGE)
    if stage not in STAGES:
        raise ValidationFailed("unknown stage", [FieldError("stage", f"no stage {stage!r}")])
    mover = stage_mover()

    def move(contact: Contact) -> bool:
        if contact.lifecycle_stage == stage:
            return False
        mover.move(session, contact.id, stage, actor=actor, reason="bulk action")
        return True

    outcome = _each(session, filters, move, actor=actor)
    _announce(session, "change_stage", stage, filters, outcome, actor=actor)
    return outcome


def _each(
    session: Session,
    filters: ContactFilters,
    change: Callable[[Contact], bool],
    *,
    actor: Actor,
) -> BulkOutcome:
    contacts = bulk_contacts(session, filters, actor=actor)
    outcome = BulkOutcome(matched=len(contacts))
    for contact in contacts:
        # A savepoint each: a refused change leaves nothing half done, the others stay.
        savepoint = session.begin_nested()
        try:
            changed = change(contact)
        except HuddleError as exc:
            savepoint.rollback()
            outcome.refused.append(Refusal(contact.id, _name(contact), exc.message))
            continue
        savepoint.commit()
        if changed:
            outcome.changed += 1
        else:
            outcome.unchanged += 1
    return outcome


def _name(contact: Contact) -> str:
    full = " ".join(part for part in (contact.first_name, contact.last_name) if part)
    return full or contact.email or f"contact {contact.id}"


def _announce(
    session: Session,
    action: str,
    value: int | str | None,
    filters: ContactFilters,
    outcome: BulkOutcome,
    *,
    actor: Actor,
) -> None:
    publish(
        session,
        ContactsBulkChanged(
            action=action,
            value=value,
            filters=filters.model_dump(mode="json", exclude_defaults=True),
            matched=outcome.matched,
            changed=outcome.changed,
            refused=len(outcome.refused),
            actor=actor,
        ),
    )

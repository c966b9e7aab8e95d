"""How the lifecycle domain reacts to changes of the shared record.

Registered by importing this module; ``huddle.subscribers`` does that wherever Huddle runs.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.events import AccountsMerged, ContactErased, ContactsCreated, ContactsMerged
from huddle.core.events import Phase, subscribe
from huddle.lifecycle import repository
from huddle.lifecycle.events import (
    OpportunityClosed,
    OpportunityCreated,
    OpportunityMoved,
    OpportunityUpdated,
)
from huddle.lifecycle.service import recorded_by, scrub_contact


@subscribe(ContactsCreated, phase=Phase.RECORD)
def record_first_stage(session: Session, event: ContactsCreated) -> None:
    """Every contact's history starts with the stage it was created in (a contact imported
    with its past has its history recorded from the past instead)."""
    by = recorded_by(event.actor)
    contacts = event.contacts
    if any(new.has_history for new in contacts):
        contacts = tuple(new for new in contacts if not new.has_history)
    first, last = (contacts[0], contacts[-1]) if contacts else (None, None)
    if (
        first is not None
        and last is not None
        and last.contact_id - first.contact_id == len(contacts) - 1
        and len({new.at for new in contacts}) == 1
        and all(a.contact_id < b.contact_id for a, b in pairwise(contacts))
    ):
        # An import chunk: thousands of consecutive ids created at one moment.
        repository.insert_first_transitions(
            session,
            first_id=first.contact_id,
            stages=[new.lifecycle_stage for new in contacts],
            at=first.at,
            by=by,
        )
        return
    repository.insert_transitions(
        session,
        [
            {
                "contact_id": new.contact_id,
                "from_stage": None,
                "to_stage": new.lifecycle_stage,
                "at": new.at,
                **by,
            }
            for new in contacts
        ],
    )


@subscribe(ContactsMerged, phase=Phase.RECORD)
def move_to_survivor(session: Session, event: ContactsMerged) -> None:
    """The merged contact's history and deals become the survivor's."""
    repository.repoint_contact(session, merged_id=event.merged_id, survivor_id=event.survivor_id)


@subscribe(AccountsMerged, phase=Phase.RECORD)
def move_deals_to_survivor(session: Session, event: AccountsMerged) -> None:
    repository.repoint_account(session, merged_id=event.merged_id, survivor_id=event.survivor_id)


@subscribe(ContactErased)
def scrub_erased_contact(session: Session, event: ContactErased) -> None:
    scrub_contact(session, event.contact_id, event.needles)


@subscribe(OpportunityCreated, phase=Phase.RECORD)
def record_deal_created(session: Session, event: OpportunityCreated) -> None:
    _deal_activity(session, event.opportunity_id, event, "created", {})


@subscribe(OpportunityUpdated, phase=Phase.RECORD)
def record_deal_updated(session: Session, event: OpportunityUpdated) -> None:
    _deal_activity(session, event.opportunity_id, event, "updated", {"changed": event.changed})


@subscribe(OpportunityMoved, phase=Phase.RECORD)
def record_deal_moved(session: Session, event: OpportunityMoved) -> None:
    detail = {"from": event.from_stage, "to": event.to_stage}
    _deal_activity(session, event.opportunity_id, event, "moved", detail)


@subscribe(OpportunityClosed, phase=Phase.RECORD)
def record_deal_closed(session: Session, event: OpportunityClosed) -> None:
    kind, detail = ("won", {}) if event.won else ("lost", {"reason": event.reason})
    _deal_activity(session, event.opportunity_id, event, kind, detail)


def _deal_activity(
    session: Session,
    opportunity_id: int,
    event: OpportunityCreated | OpportunityUpdated | OpportunityMoved | OpportunityClosed,
    kind: str,
    detail: dict[str, Any],
) -> None:
    repository.add_deal_activity(
        session,
        opportunity_id=opportunity_id,
        at=event.at,
        kind=kind,
        user_id=event.actor.user_id,
        detail=detail,
    )

"""Scoring reacts to the shared record: new touches, new, changed or attached contacts are
scored in the transaction that stored them, set-at-a-time, and MQL criteria re-checked at once."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import (
    ContactsChanged,
    ContactsCreated,
    ContactsMerged,
    TouchesAttached,
    TouchesRecorded,
    TouchRecorded,
)
from huddle.core.events import subscribe
from huddle.scoring.repository import accounts, scores
from huddle.scoring.service import score_contacts
from huddle.scoring.service.incremental import score_touched


@subscribe(TouchesRecorded)
def score_touched_contacts(session: Session, event: TouchesRecorded) -> None:
    score_touched(session, event.contact_ids, event.types)


@subscribe(TouchRecorded)
def score_touched_contact(session: Session, event: TouchRecorded) -> None:
    if event.contact_id is not None:
        score_touched(session, [event.contact_id], [event.type])


@subscribe(TouchesAttached)
def score_identified_visitor(session: Session, event: TouchesAttached) -> None:
    score_contacts(session, [event.contact_id])


@subscribe(ContactsCreated)
def score_new_contacts(session: Session, event: ContactsCreated) -> None:
    """Fit rules and grades apply from the start (an import scores its chunk at once)."""
    score_contacts(session, [new.contact_id for new in event.contacts])


@subscribe(ContactsChanged)
def rescore_changed_contacts(session: Session, event: ContactsChanged) -> None:
    """A new job title or a bigger account changes fit points and grades at once (and may
    qualify the contact), as a touch changes behaviour points."""
    ids = set(event.contact_ids)
    ids.update(accounts.account_contact_ids(session, event.account_ids))
    score_contacts(session, sorted(ids))


@subscribe(ContactsMerged)
def keep_merged_adjustments(session: Session, event: ContactsMerged) -> None:
    """Points a workflow gave the merged contact stay given: the survivor's from now on
    (the merge rescores the survivor once it stands)."""
    scores.move_adjustments(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

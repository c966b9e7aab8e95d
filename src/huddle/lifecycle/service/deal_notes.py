"""Notes on a deal and the deal's activity. Notes are contacts' records, deals are
lifecycle's: the note is stored by contacts' notes service, the deal it is on (and who owns
it) is found here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.actor import Actor
from huddle.core.stages import PIPELINE_STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.service.opportunities import get_opportunity

if TYPE_CHECKING:
    from huddle.contacts.models import Note
    from huddle.lifecycle.models import DealActivity

ACTIVITY_SHOWN = 100

# What a change of each field is called on the deal's page.
_FIELD_NAMES = {
    "name": "name",
    "amount": "amount",
    "currency": "currency",
    "expected_close_date": "close date",
    "owner_id": "owner",
    "primary_contact_id": "primary contact",
    "contacts": "people",
}


def add_deal_note(session: Session, opportunity_id: int, *, body: str, actor: Actor) -> Note:
    """A note by the actor on a deal (404 if there is no such deal). Sales reps write notes
    only on their own or unassigned deals."""
    return contacts_service.add_deal_note(
        session,
        opportunity_id,
        owner_of_deal=lambda: get_opportunity(session, opportunity_id).owner_id,
        body=body,
        actor=actor,
    )


@dataclass(frozen=True)
class DealActivityItem:
    """One line of a deal's activity: a change (``summary``) or a note (``note``)."""

    at: datetime
    kind: str
    user_id: int | None
    summary: str
    note: str | None = None


def deal_activity(session: Session, opportunity_id: int) -> list[DealActivityItem]:
    """The deal's changes and notes, newest first (404 if there is no such deal)."""
    get_opportunity(session, opportunity_id)
    changes = [
        _change_item(row)
        for row in repository.deal_activity(session, opportunity_id, limit=ACTIVITY_SHOWN)
    ]
    notes = [
        DealActivityItem(
            at=note.created_at, kind="note", user_id=note.author_id, summary="", note=note.body
        )
        for note in contacts_service.deal_notes(session, opportunity_id, limit=ACTIVITY_SHOWN)
    ]
    items = sorted(changes + notes, key=lambda item: item.at, reverse=True)
    return items[:ACTIVITY_SHOWN]


def _change_item(row: DealActivity) -> DealActivityItem:
    return DealActivityItem(
        at=row.at, kind=row.kind, user_id=row.user_id, summary=_summary(row.kind, row.detail)
    )


def _summary(kind: str, detail: dict[str, object]) -> str:
    if kind == "created":
        return "created the deal"
    if kind == "moved":
        return f"moved it from {_stage(detail.get('from'))} to {_stage(detail.get('to'))}"
    if kind == "won":
        return "marked it won"
    if kind == "lost":
        reason = detail.get("reason")
        return f"marked it lost: {reason}" if reason else "marked it lost"
    changed = detail.get("changed")
    fields = (
        [_FIELD_NAMES.get(str(f), str(f)) for f in changed] if isinstance(changed, list) else []
    )
    return f"changed the {_joined(fields)}" if fields else "changed the deal"


def _stage(key: object) -> str:
    return PIPELINE_STAGES.get(str(key), (str(key), 0))[0]


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]

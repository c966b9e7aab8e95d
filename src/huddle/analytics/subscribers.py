"""How analytics reacts to changes of the shared record: a merge moves the merged contact's
stage history to the survivor without adding rows, and an import may take a placeholder
move out of a history, so those contacts' journeys in the funnel's roll-up are marked for
rebuilding (the next report does it).

Registered by importing this module; ``huddle.subscribers`` does that wherever Huddle runs.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.analytics import service
from huddle.contacts.events import ContactsMerged
from huddle.core.events import subscribe
from huddle.lifecycle.events import StageHistoryRewritten


@subscribe(ContactsMerged)
def rebuild_survivors_journey(session: Session, event: ContactsMerged) -> None:
    service.history_moved(session, event.survivor_id)


@subscribe(StageHistoryRewritten)
def rebuild_rewritten_journeys(session: Session, event: StageHistoryRewritten) -> None:
    """Moves taken out of a history (an import's placeholder) leave no new row to roll up."""
    for contact_id in event.contact_ids:
        service.history_moved(session, contact_id)

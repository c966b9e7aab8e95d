"""How analytics reacts to changes of the shared record: a merge moves the merged contact's
stage history to the survivor without adding rows, so the survivor's journey in the funnel's
roll-up is marked for rebuilding (the next report does it).

Registered by importing this module; ``huddle.subscribers`` does that wherever Huddle runs.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.analytics import service
from huddle.contacts.events import ContactsMerged
from huddle.core.events import subscribe


@subscribe(ContactsMerged)
def rebuild_survivors_journey(session: Session, event: ContactsMerged) -> None:
    service.history_moved(session, event.survivor_id)

"""What the feedback loop does when others change: a merged account's feedback, logged
by sales on it and its deals, stays in the product report under the survivor."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import AccountsMerged
from huddle.core.events import subscribe
from huddle.feedback import repository


@subscribe(AccountsMerged)
def keep_merged_feedback(session: Session, event: AccountsMerged) -> None:
    repository.move_account_items(session, merged_id=event.merged_id, survivor_id=event.survivor_id)

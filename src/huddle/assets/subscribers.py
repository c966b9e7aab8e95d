"""What the asset library does when others change: the assets a merged contact was sent
become the survivor's, so the next best asset is not one the person had already."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.assets import repository
from huddle.contacts.events import ContactsMerged
from huddle.core.events import subscribe


@subscribe(ContactsMerged)
def keep_merged_recommendations(session: Session, event: ContactsMerged) -> None:
    repository.move_recommendations(
        session, merged_id=event.merged_id, survivor_id=event.survivor_id
    )

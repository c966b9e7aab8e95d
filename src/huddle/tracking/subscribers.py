"""Tracking's reactions to the shared record's events."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts.events import ContactsMerged
from huddle.core.events import subscribe
from huddle.tracking import repository
from huddle.tracking.collect import SiteDirectory
from huddle.tracking.events import TrackingConfigured


@subscribe(ContactsMerged)
def move_identified_visitors(session: Session, event: ContactsMerged) -> None:
    """The merged contact's website visitors are the survivor's from now on."""
    repository.move_visitors(session, merged_id=event.merged_id, survivor_id=event.survivor_id)


@subscribe(TrackingConfigured)
def forget_cached_sites(session: Session, event: TrackingConfigured) -> None:
    """``/t/collect`` reads sites from a cache; a change must take effect at once."""
    SiteDirectory.generation += 1

"""Assets of the library and their history (downloads, conversions) for tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from huddle.assets import service
from huddle.assets.models import ContentAsset
from huddle.assets.schemas import AssetWrite
from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.contacts.service import TouchRow
from huddle.core.actor import SYSTEM
from huddle.lifecycle.models import StageTransition


def make_asset(session: Session, title: str, *, approved: bool = True) -> ContentAsset:
    slug = title.lower().replace(" ", "-")
    made = service.create_asset(
        session, AssetWrite(title=title, url=f"https://example.com/{slug}"), actor=SYSTEM
    )
    if approved:
        service.set_asset_status(session, made.id, "approved", actor=SYSTEM)
    return made


def downloads(
    session: Session, contact: Contact, assets: list[ContentAsset], *, start: datetime
) -> datetime:
    """The contact downloads ``assets`` a day apart from ``start``; the moment after."""
    at = start
    for found in assets:
        contacts.record_touches(
            session,
            [
                TouchRow(
                    type="asset_downloaded",
                    occurred_at=at,
                    contact_id=contact.id,
                    properties={"asset": found.title},
                    asset_id=found.id,
                )
            ],
            actor=SYSTEM,
        )
        at += timedelta(days=1)
    return at


def converted(session: Session, contact: Contact, stage: str, at: datetime) -> None:
    """A move into ``stage`` in the contact's history (as an import records one)."""
    session.add(StageTransition(contact_id=contact.id, from_stage="lead", to_stage=stage, at=at))
    session.flush()

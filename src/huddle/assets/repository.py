"""The asset library's queries, and what the next best asset is chosen from: which assets
a contact consumed (``asset_downloaded`` touches carrying an asset's id), and the order in
which contacts who later converted consumed theirs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.assets.models import AssetRecommendation, ContentAsset
from huddle.contacts.models import Touch
from huddle.core.db import repoint
from huddle.lifecycle.models import StageTransition

CONSUMED = "asset_downloaded"
# Reaching one of these stages is converting.
CONVERTED_STAGES = ("sql", "opportunity", "customer")


def assets(session: Session) -> Sequence[ContentAsset]:
    return session.scalars(select(ContentAsset).order_by(ContentAsset.title)).all()


def approved(session: Session) -> Sequence[ContentAsset]:
    """Approved assets, newest first."""
    query = select(ContentAsset).where(ContentAsset.status == "approved")
    return session.scalars(
        query.order_by(ContentAsset.created_at.desc(), ContentAsset.id.desc())
    ).all()


def asset(session: Session, asset_id: int) -> ContentAsset | None:
    return session.get(ContentAsset, asset_id)


def asset_by_title(session: Session, title: str) -> ContentAsset | None:
    return session.scalar(
        select(ContentAsset).where(func.lower(ContentAsset.title) == title.lower())
    )


def consumed_by(session: Session, contact_id: int) -> list[int]:
    """The assets the contact consumed, by their latest consumption, the latest last."""
    query = (
        select(Touch.asset_id, func.max(Touch.occurred_at).label("last_at"))
        .where(Touch.contact_id == contact_id, Touch.type == CONSUMED, Touch.asset_id.is_not(None))
        .group_by(Touch.asset_id)
        .order_by("last_at", Touch.asset_id)
    )
    return [asset_id for asset_id, _ in session.execute(query) if asset_id is not None]


def sent_to(session: Session, contact_id: int) -> set[int]:
    """The assets already chosen for (and sent to) the contact."""
    query = select(AssetRecommendation.asset_id).where(AssetRecommendation.contact_id == contact_id)
    return set(session.scalars(query))


def converter_sequences(session: Session) -> Counter[tuple[int | None, int]]:
    """(previous asset, asset) -> how many converters consumed ``asset`` right after
    ``previous`` (None: as their first). A converter's sequence is each asset's first
    consumption, in time order, up to the moment it first reached a converted stage.
    One statement (a window over the converters' first consumptions)."""
    converted = (
        select(StageTransition.contact_id, func.min(StageTransition.at).label("converted_at"))
        .where(StageTransition.to_stage.in_(CONVERTED_STAGES))
        .group_by(StageTransition.contact_id)
        .subquery("converted")
    )
    firsts = (
        select(
            Touch.contact_id,
            Touch.asset_id,
            func.min(Touch.occurred_at).label("first_at"),
        )
        .join(converted, converted.c.contact_id == Touch.contact_id)
        .where(
            Touch.type == CONSUMED,
            Touch.asset_id.is_not(None),
            Touch.occurred_at <= converted.c.converted_at,
        )
        .group_by(Touch.contact_id, Touch.asset_id)
        .subquery("firsts")
    )
    previous = func.lag(firsts.c.asset_id).over(
        partition_by=firsts.c.contact_id, order_by=(firsts.c.first_at, firsts.c.asset_id)
    )
    ordered = select(firsts.c.asset_id, previous.label("previous")).subquery("ordered")
    pairs = select(ordered.c.previous, ordered.c.asset_id, func.count()).group_by(
        ordered.c.previous, ordered.c.asset_id
    )
    return Counter(
        {
            (None if prev is None else int(prev), int(asset_id)): int(n)
            for prev, asset_id, n in session.execute(pairs)
        }
    )


def add_recommendation(session: Session, row: AssetRecommendation) -> bool:
    """Store the choice; False when one with its key is stored already."""
    found = session.scalar(select(AssetRecommendation.id).where(AssetRecommendation.key == row.key))
    if found is not None:
        return False
    session.add(row)
    session.flush()
    return True


def recommendation(session: Session, key: str) -> AssetRecommendation | None:
    return session.scalar(select(AssetRecommendation).where(AssetRecommendation.key == key))


def move_recommendations(session: Session, *, merged_id: int, survivor_id: int) -> None:
    repoint(session, AssetRecommendation.contact_id, old=merged_id, new=survivor_id)

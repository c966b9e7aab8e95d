"""Touches without a campaign, read and mapped in id order, a slice at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Touch


def touches_without_campaign(
    session: Session, *, after_id: int, limit: int
) -> list[tuple[int, dict[str, Any]]]:
    """(id, properties) of the next ``limit`` touches after ``after_id`` with no campaign."""
    rows = session.execute(
        select(Touch.id, Touch.properties)
        .where(Touch.id > after_id, Touch.campaign_id.is_(None))
        .order_by(Touch.id)
        .limit(limit)
    )
    return [(touch_id, properties or {}) for touch_id, properties in rows]


def set_touch_campaigns(session: Session, pairs: Sequence[tuple[int, int]]) -> int:
    """Give each (touch id, campaign id) its campaign, where it still has none."""
    if not pairs:
        return 0
    touches = cast(Table, Touch.__table__)
    # A Core executemany: the ORM's bulk UPDATE by primary key cannot keep the condition.
    session.connection().execute(
        update(touches)
        .where(touches.c.id == bindparam("touch_id"), touches.c.campaign_id.is_(None))
        .values(campaign_id=bindparam("campaign")),
        [{"touch_id": touch_id, "campaign": campaign} for touch_id, campaign in pairs],
    )
    return len(pairs)

"""Routing's queries: rules in order, pools locked per pick, open hand-off counts per rep,
queue pages (keyset on (at, id)), stalled hand-offs, and the touches a packet summarises."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, joinedload

from huddle.auth.models import User
from huddle.campaigns.models import Campaign
from huddle.contacts.models import Contact, Touch
from huddle.core.db import repoint
from huddle.core.jobs import Job
from huddle.lifecycle.models import StageTransition
from huddle.routing.models import Handoff, RoutingPool, RoutingPoolMember, RoutingRule

OPEN = "open"


def rules(session: Session, *, active_only: bool = False) -> list[RoutingRule]:
    query = select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)
    if active_only:
        query = query.where(RoutingRule.active.is_(True))
    return list(session.scalars(query))


def pools(session: Session) -> list[RoutingPool]:
    return list(session.scalars(select(RoutingPool).order_by(RoutingPool.name)))


def pool_by_name(session: Session, name: str) -> RoutingPool | None:
    return session.scalars(select(RoutingPool).where(RoutingPool.name == name)).first()


def lock_pool(session: Session, pool_id: int) -> RoutingPool | None:
    """The pool row, locked until the transaction ends (PostgreSQL): two leads routed at
    once take turns, so neither reads credits the other is about to change."""
    return session.scalars(
        select(RoutingPool)
        .where(RoutingPool.id == pool_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def members(session: Session, pool_id: int) -> list[RoutingPoolMember]:
    return list(
        session.scalars(
            select(RoutingPoolMember)
            .where(RoutingPoolMember.pool_id == pool_id)
            .order_by(RoutingPoolMember.user_id)
            .execution_options(populate_existing=True)
        )
    )


def members_of(session: Session, pool_ids: Sequence[int]) -> list[RoutingPoolMember]:
    if not pool_ids:
        return []
    return list(
        session.scalars(
            select(RoutingPoolMember)
            .where(RoutingPoolMember.pool_id.in_(pool_ids))
            .order_by(RoutingPoolMember.pool_id, RoutingPoolMember.user_id)
        )
    )


def users(session: Session, user_ids: Sequence[int]) -> dict[int, User]:
    if not user_ids:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(list(user_ids))))}


def open_counts(session: Session, user_ids: Sequence[int]) -> dict[int, int]:
    """Open (undecided) hand-offs per rep: what capacity is measured against."""
    if not user_ids:
        return {}
    rows = session.execute(
        select(Handoff.owner_id, func.count())
        .where(Handoff.owner_id.in_(list(user_ids)), Handoff.status == OPEN)
        .group_by(Handoff.owner_id)
    )
    return {int(owner): int(count) for owner, count in rows if owner is not None}


def open_for_contact(session: Session, contact_id: int) -> list[Handoff]:
    return list(
        session.scalars(
            select(Handoff).where(Handoff.contact_id == contact_id, Handoff.status == OPEN)
        )
    )


def newest_handoff_id(session: Session, contact_id: int) -> int:
    """The contact's newest hand-off id (0: none yet). Ids only grow, so a hand-off with a
    greater id was made later."""
    newest = session.scalar(select(func.max(Handoff.id)).where(Handoff.contact_id == contact_id))
    return int(newest or 0)


def handed_off_since(session: Session, contact_id: int, handoff_id: int) -> bool:
    """Whether the contact has a hand-off newer than ``handoff_id``."""
    newer = select(Handoff.id).where(Handoff.contact_id == contact_id, Handoff.id > handoff_id)
    return session.scalar(newer.limit(1)) is not None


def lock_contact_stage(session: Session, contact_id: int) -> str | None:
    """The contact's stage (None: no such contact), its row locked until the transaction
    ends (PostgreSQL): routing it is done by one transaction at a time. Read only: the
    contact is changed through the contacts service."""
    return session.scalar(
        select(Contact.lifecycle_stage).where(Contact.id == contact_id).with_for_update()
    )


def qualifying_reason(session: Session, contact_id: int) -> str | None:
    """Why the contact last became an MQL (the stage move's reason)."""
    return session.scalar(
        select(StageTransition.reason)
        .where(StageTransition.contact_id == contact_id, StageTransition.to_stage == "mql")
        .order_by(StageTransition.at.desc(), StageTransition.id.desc())
        .limit(1)
    )


def pool_manager_id(session: Session, pool_id: int | None) -> int | None:
    pool = session.get(RoutingPool, pool_id) if pool_id is not None else None
    return pool.manager_id if pool is not None else None


def handoff_contact_ids(session: Session, handoff_ids: Sequence[int]) -> dict[int, int]:
    query = select(Handoff.id, Handoff.contact_id).where(Handoff.id.in_(handoff_ids))
    return {row.id: row.contact_id for row in session.execute(query)}


def handoffs_of(session: Session, contact_id: int) -> list[Handoff]:
    return list(session.scalars(select(Handoff).where(Handoff.contact_id == contact_id)))


def latest_for_contact(session: Session, contact_id: int) -> Handoff | None:
    return session.scalars(
        select(Handoff)
        .where(Handoff.contact_id == contact_id)
        .order_by(Handoff.at.desc(), Handoff.id.desc())
        .limit(1)
    ).first()


def queue(
    session: Session,
    *,
    owner_id: int | None,
    pool_ids: Sequence[int],
    before: tuple[datetime, int] | None,
    limit: int,
) -> list[Handoff]:
    """Open hand-offs owned by ``owner_id`` or waiting unassigned in one of ``pool_ids``,
    newest first (index (owner_id, status, at) and (pool_id, status, at))."""
    whose = []
    if owner_id is not None:
        whose.append(Handoff.owner_id == owner_id)
    if pool_ids:
        whose.append(and_(Handoff.owner_id.is_(None), Handoff.pool_id.in_(list(pool_ids))))
    if not whose:
        return []
    query = select(Handoff).where(Handoff.status == OPEN, or_(*whose))
    if before is not None:
        at, key = before
        query = query.where(or_(Handoff.at < at, and_(Handoff.at == at, Handoff.id < key)))
    return list(session.scalars(query.order_by(Handoff.at.desc(), Handoff.id.desc()).limit(limit)))


def stalled(
    session: Session, *, cutoff: datetime, activity_types: Sequence[str], limit: int
) -> list[Handoff]:
    """Open or accepted hand-offs older than ``cutoff`` whose contact has had no sales
    activity since the hand-off (index (status, at), then the contact's touches)."""
    activity = exists().where(
        Touch.contact_id == Handoff.contact_id,
        Touch.occurred_at >= Handoff.at,
        Touch.type.in_(list(activity_types)),
    )
    return list(
        session.scalars(
            select(Handoff)
            .where(Handoff.status.in_((OPEN, "accepted")), Handoff.at < cutoff, ~activity)
            .order_by(Handoff.at, Handoff.id)
            .limit(limit)
        )
    )


def job_queued(session: Session, kind: str) -> bool:
    return (
        session.scalar(
            select(Job.id).where(Job.status.in_(("queued", "running")), Job.kind == kind).limit(1)
        )
        is not None
    )


def recent_touches(
    session: Session, contact_id: int, *, limit: int, after: datetime | None = None
) -> list[Touch]:
    query = select(Touch).where(Touch.contact_id == contact_id)
    if after is not None:
        query = query.where(Touch.occurred_at > after)
    return list(
        session.scalars(query.order_by(Touch.occurred_at.desc(), Touch.id.desc()).limit(limit))
    )


def campaign_names(session: Session, campaign_ids: Sequence[int]) -> dict[int, str]:
    if not campaign_ids:
        return {}
    rows = session.execute(
        select(Campaign.id, Campaign.name).where(Campaign.id.in_(list(campaign_ids)))
    )
    return {int(i): str(n) for i, n in rows}


def contacts_by_id(session: Session, contact_ids: Sequence[int]) -> dict[int, Contact]:
    """The contacts of a queue page with their accounts, in one query."""
    if not contact_ids:
        return {}
    found = session.scalars(
        select(Contact)
        .where(Contact.id.in_(list(contact_ids)))
        .options(joinedload(Contact.account))
    )
    return {c.id: c for c in found}


def move_handoffs(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged duplicate's hand-offs (an open one waiting in a queue included) are the
    survivor's: deleted with the duplicate, a lead would leave its rep's queue unseen."""
    repoint(session, Handoff.contact_id, old=merged_id, new=survivor_id)

"""The dashboard's and the review's figures: each one grouped query over an index, read
from the index alone where it can be: the period's clocks by (started_at, state, term_key,
team, owner_id), stage entries by (to_stage, at, contact_id), open clocks by (state,
due_at). Leads' and people's tables (contacts, accounts, grades, stage history, users) are
joined read-only."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Account, Contact
from huddle.lifecycle.models import StageTransition
from huddle.scoring.models import ContactGrade
from huddle.sla.models import SlaClock
from huddle.sla.terms import Term

WEEK = timedelta(weeks=1)


def clock_counts(session: Session, *, start: datetime, end: datetime) -> list[Any]:
    """(term key, owner id, team, state, count) of the clocks started in [start, end),
    cancelled ones left out."""
    return list(
        session.execute(
            select(
                SlaClock.term_key, SlaClock.owner_id, SlaClock.team, SlaClock.state, func.count()
            )
            .where(SlaClock.started_at >= start, SlaClock.started_at < end)
            .where(SlaClock.state != "cancelled")
            .group_by(SlaClock.term_key, SlaClock.owner_id, SlaClock.team, SlaClock.state)
        ).all()
    )


def user_names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())


def _scoped(query: Any, term: Term) -> Any:
    """Apply a term's scope to a query over ``StageTransition``."""
    if not term.scope:
        return query
    query = query.join(Contact, Contact.id == StageTransition.contact_id)
    for name, values in term.scope.items():
        lowered = [v.casefold() for v in values]
        if name == "region":
            query = query.outerjoin(Account, Account.id == Contact.account_id).where(
                func.lower(func.coalesce(Account.region, Contact.country)).in_(lowered)
            )
        elif name == "grade":
            query = query.join(ContactGrade, ContactGrade.contact_id == Contact.id).where(
                func.lower(ContactGrade.grade).in_(lowered)
            )
        elif name == "source":
            query = query.where(func.lower(Contact.first_touch_source).in_(lowered))
        elif name == "segment":
            query = query.where(func.lower(Contact.custom["segment"].as_string()).in_(lowered))
    return query


def mqls_between(session: Session, term: Term, start: datetime, end: datetime) -> int:
    """Contacts in the term's scope that became MQL in [start, end)."""
    query = select(func.count(func.distinct(StageTransition.contact_id))).where(
        StageTransition.to_stage == "mql", StageTransition.at >= start, StageTransition.at < end
    )
    return int(session.scalar(_scoped(query, term)) or 0)


def mqls_and_accepted(
    session: Session, term: Term, start: datetime, end: datetime
) -> tuple[int, int]:
    """Of the contacts in the term's scope that became MQL in [start, end), how many, and
    how many sales accepted (SAL) after."""
    # A contact's latest acceptance since the period began, joined once, rather than a
    # lookup per MQL for a later one.
    accepted = (
        select(StageTransition.contact_id, func.max(StageTransition.at).label("last_at"))
        .where(StageTransition.to_stage == "sal", StageTransition.at >= start)
        .group_by(StageTransition.contact_id)
        .subquery("accepted")
    )
    base = (
        select(
            StageTransition.contact_id,
            case((accepted.c.last_at >= StageTransition.at, StageTransition.contact_id)).label(
                "accepted"
            ),
        )
        .outerjoin(accepted, accepted.c.contact_id == StageTransition.contact_id)
        .where(
            StageTransition.to_stage == "mql",
            StageTransition.at >= start,
            StageTransition.at < end,
        )
    )
    mqls = _scoped(base, term).subquery()
    total, taken = session.execute(
        select(
            func.count(func.distinct(mqls.c.contact_id)),
            func.count(func.distinct(mqls.c.accepted)),
        )
    ).one()
    return int(total or 0), int(taken or 0)


def running_soonest_due(session: Session, *, limit: int) -> list[Any]:
    """Running clocks closest to their due time (the index on (state, due_at) serves it),
    with their lead's name and email and their owner's name."""
    return list(
        session.execute(
            select(
                SlaClock.id,
                SlaClock.contact_id,
                SlaClock.term_key,
                SlaClock.version_id,
                SlaClock.due_at,
                SlaClock.warned_at,
                Contact.first_name,
                Contact.last_name,
                Contact.email,
                User.name,
            )
            .join(Contact, Contact.id == SlaClock.contact_id)
            .outerjoin(User, User.id == SlaClock.owner_id)
            .where(SlaClock.state == "running", SlaClock.due_at.is_not(None))
            .order_by(SlaClock.due_at)
            .limit(limit)
        ).all()
    )


def weekly_counts(session: Session, starts: list[datetime]) -> dict[int, tuple[int, int]]:
    """Met and breached clocks started in each week, by the week's position. Both read the
    covering index alone; what differs is where the time goes. SQLite compares the stored
    text: one query per week is much quicker than one query sorting the weeks into buckets
    with CASE. On PostgreSQL each statement costs a round trip and a plan, so there it is
    one query."""
    met = func.sum(case((SlaClock.state == "met", 1), else_=0))
    breached = func.sum(case((SlaClock.state == "breached", 1), else_=0))
    if session.get_bind().dialect.name != "postgresql":
        counts = {}
        for n, start in enumerate(starts):
            week = select(met, breached).where(
                SlaClock.started_at >= start, SlaClock.started_at < start + WEEK
            )
            counts[n] = _ints(*session.execute(week).one())
        return counts
    position = case(*((SlaClock.started_at < s + WEEK, n) for n, s in enumerate(starts)))
    rows = session.execute(
        select(position, met, breached)
        .where(SlaClock.started_at >= starts[0], SlaClock.started_at < starts[-1] + WEEK)
        .group_by(position)
    )
    return {n: _ints(m, b) for n, m, b in rows}


def _ints(met: int | None, breached: int | None) -> tuple[int, int]:
    return int(met or 0), int(breached or 0)


def sales_capacity(session: Session) -> int:
    """Open leads the active sales reps can hold, summed."""
    return int(
        session.scalar(
            select(func.sum(User.capacity)).where(
                User.team == "sales", User.is_active.is_(True), User.capacity.is_not(None)
            )
        )
        or 0
    )


def stopped_clock_times(
    session: Session, term_key: str, start: datetime, end: datetime, *, sample: int
) -> tuple[list[int], list[Any]]:
    """Of the term's clocks started in [start, end) and stopped (met or breached), the most
    recent ``sample``: the business seconds each recorded when it stopped, and (owner id,
    team, started at, stopped at) of those that stopped without recording them."""
    stopped = (
        SlaClock.term_key == term_key,
        SlaClock.started_at >= start,
        SlaClock.started_at < end,
        SlaClock.stopped_at.is_not(None),
        SlaClock.state.in_(("met", "breached")),
    )
    recent = select(SlaClock.id).where(*stopped).order_by(SlaClock.started_at.desc()).limit(sample)
    recorded = list(
        session.scalars(select(SlaClock.elapsed_seconds).where(SlaClock.id.in_(recent)))
    )
    seconds = [s for s in recorded if s is not None]
    unrecorded: list[Any] = []
    if len(seconds) < len(recorded):
        unrecorded = list(
            session.execute(
                select(
                    SlaClock.owner_id, SlaClock.team, SlaClock.started_at, SlaClock.stopped_at
                ).where(SlaClock.id.in_(recent), SlaClock.elapsed_seconds.is_(None))
            )
        )
    return seconds, unrecorded

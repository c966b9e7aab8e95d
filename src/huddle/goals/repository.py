"""The goals' queries (the figures themselves come from the analytics service)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.goals.models import Goal


def get_goal(session: Session, goal_id: int) -> Goal | None:
    return session.get(Goal, goal_id)


def list_goals(session: Session) -> list[Goal]:
    """Newest periods first, then by name."""
    return list(session.scalars(select(Goal).order_by(Goal.ends_on.desc(), Goal.name, Goal.id)))


def goals_overlapping(session: Session, start: date, end: date) -> list[Goal]:
    """Goals for everyone (no segment) whose period shares a day with ``start``..``end``,
    the one ending last first."""
    query = (
        select(Goal)
        .where(Goal.starts_on <= end, Goal.ends_on >= start)
        .order_by(Goal.ends_on.desc(), Goal.id.desc())
    )
    return [g for g in session.scalars(query) if g.segment is None]

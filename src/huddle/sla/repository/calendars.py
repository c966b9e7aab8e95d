"""Stored business calendars (the company's and the teams'), and the working pattern of
the people clocks count in (auth's users, read)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.sla.models import SlaCalendar


def stored_calendar_rows(session: Session) -> list[tuple[Any, ...]]:
    """(scope, time zone, hours, holidays) of every stored calendar."""
    rows = session.execute(
        select(SlaCalendar.scope, SlaCalendar.time_zone, SlaCalendar.hours, SlaCalendar.holidays)
    )
    return [tuple(row) for row in rows]


def list_calendars(session: Session) -> list[SlaCalendar]:
    return list(session.scalars(select(SlaCalendar).order_by(SlaCalendar.scope)))


def calendar_for_scope(session: Session, scope: str) -> SlaCalendar | None:
    return session.scalar(select(SlaCalendar).where(SlaCalendar.scope == scope))


def get_user(session: Session, user_id: int) -> User | None:
    """A clock's owner: their team, working hours, time zone and whether they are away."""
    return session.get(User, user_id)

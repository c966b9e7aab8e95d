"""Which business calendar a clock counts in: the owner's own working hours (in their time
zone), else their team's calendar, else the company's, else Mon-Fri 09:00-17:00 UTC."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import TEAMS, Action, require
from huddle.sla.calendar import (
    BusinessCalendar,
    CalendarError,
    calendar_from_dict,
    resolve_calendar,
)
from huddle.sla.events import SlaCalendarChanged
from huddle.sla.models import SlaCalendar

COMPANY = "company"


def team_scope(team: str) -> str:
    return f"team:{team}"


class CalendarCache:
    """Calendars loaded once per pass (the worker resolves thousands of clocks)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._stored: dict[str, BusinessCalendar | None] | None = None
        self._users: dict[int, BusinessCalendar] = {}

    def _load(self) -> dict[str, BusinessCalendar | None]:
        if self._stored is None:
            self._stored = {}
            for row in self.session.scalars(select(SlaCalendar)):
                try:
                    self._stored[row.scope] = calendar_from_dict(
                        {"time_zone": row.time_zone, "hours": row.hours, "holidays": row.holidays},
                        name=row.scope,
                    )
                except CalendarError:
                    self._stored[row.scope] = None
        return self._stored

    def for_team(self, team: str | None) -> BusinessCalendar:
        stored = self._load()
        return resolve_calendar(
            rep_hours=None,
            rep_time_zone=None,
            team=stored.get(team_scope(team)) if team else None,
            company=stored.get(COMPANY),
        )

    def for_owner(self, owner_id: int | None, team: str | None) -> BusinessCalendar:
        if owner_id is None:
            return self.for_team(team)
        if owner_id not in self._users:
            user = self.session.get(User, owner_id)
            stored = self._load()
            self._users[owner_id] = resolve_calendar(
                rep_hours=user.working_hours if user else None,
                rep_time_zone=user.time_zone if user else None,
                team=stored.get(team_scope(user.team if user else team or "")),
                company=stored.get(COMPANY),
            )
        return self._users[owner_id]


def list_calendars(session: Session) -> list[SlaCalendar]:
    return list(session.scalars(select(SlaCalendar).order_by(SlaCalendar.scope)))


def save_calendar(session: Session, actor: Actor, scope: str, raw: dict[str, Any]) -> SlaCalendar:
    """Create or replace the company's (``"company"``) or a team's (``"team:sales"``) calendar."""
    require(actor, Action.SLA_DRAFT)
    if scope != COMPANY and scope not in {team_scope(t) for t in TEAMS}:
        raise ValidationFailed(
            "unknown calendar scope", [FieldError("scope", "give company or team:<team>")]
        )
    try:
        parsed = calendar_from_dict(raw, name=scope)
    except CalendarError as exc:
        raise ValidationFailed(str(exc), [FieldError(exc.field, exc.message)]) from exc
    stored = parsed.to_dict()
    row = session.scalar(select(SlaCalendar).where(SlaCalendar.scope == scope))
    if row is None:
        row = SlaCalendar(scope=scope)
        session.add(row)
    row.time_zone, row.hours, row.holidays = (
        stored["time_zone"],
        stored["hours"],
        stored["holidays"],
    )
    session.flush()
    publish(session, SlaCalendarChanged(scope=scope, at=clock.now(), actor=actor))
    return row

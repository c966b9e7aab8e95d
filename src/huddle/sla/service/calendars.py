"""Which business calendar a clock counts in: the owner's own working hours (in their time
zone), else their team's calendar, else the company's, else Mon-Fri 09:00-17:00 UTC."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import TEAMS, Action, require
from huddle.sla.calendar import (
    BusinessCalendar,
    CalendarError,
    business_time_between,
    calendar_from_dict,
    owner_calendar,
    stored_calendars,
)
from huddle.sla.events import SlaCalendarChanged
from huddle.sla.models import SlaCalendar
from huddle.sla.repository import calendars as calendar_rows

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
            rows = calendar_rows.stored_calendar_rows(self.session)
            self._stored = stored_calendars(rows)
        return self._stored

    def for_team(self, team: str | None) -> BusinessCalendar:
        return owner_calendar(self._load(), team=team)

    def for_owner(self, owner_id: int | None, team: str | None) -> BusinessCalendar:
        if owner_id is None:
            return self.for_team(team)
        if owner_id not in self._users:
            user = calendar_rows.get_user(self.session, owner_id)
            self._users[owner_id] = owner_calendar(
                self._load(),
                team=user.team if user else team,
                rep_hours=user.working_hours if user else None,
                rep_time_zone=user.time_zone if user else None,
            )
        return self._users[owner_id]

    def business_seconds(
        self, owner_id: int | None, team: str | None, start: datetime, stop: datetime
    ) -> int:
        """Business seconds from ``start`` to ``stop`` in the owner's (or team's) calendar."""
        calendar = self.for_owner(owner_id, team)
        return round(business_time_between(start, stop, calendar).total_seconds())


def list_calendars(session: Session) -> list[SlaCalendar]:
    return calendar_rows.list_calendars(session)


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
    row = calendar_rows.calendar_for_scope(session, scope)
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

"""Whether a rep can take a new lead now: active, not out of office, inside their working
hours (when the rule says so) and below their capacity of open hand-offs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from huddle.auth.models import User

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def working_now(user: User, at: datetime) -> bool:
    try:
        zone = ZoneInfo(user.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = at.astimezone(zone)
    hours = (user.working_hours or {}).get(DAYS[local.weekday()])
    if not hours or len(hours) != 2:
        return False
    start, end = str(hours[0]), str(hours[1])
    return start <= local.strftime("%H:%M") < end


def skip_reason(user: User, *, at: datetime, open_count: int, respect_hours: bool) -> str | None:
    """Why the rep is skipped, or None when they can take the lead."""
    if not user.is_active:
        return "deactivated"
    if user.out_of_office:
        return "out of office"
    if respect_hours and not working_now(user, at):
        return f"outside working hours ({user.time_zone or 'UTC'})"
    if user.capacity is not None and open_count >= user.capacity:
        return f"at capacity ({open_count} of {user.capacity} open)"
    return None

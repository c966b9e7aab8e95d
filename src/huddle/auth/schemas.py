from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from huddle.auth.models import ROLES, TEAMS
from huddle.auth.passwords import MAX_LENGTH, MIN_LENGTH
from huddle.core.schemas import CleanInput, DescribedBy, Shape

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
SCOPES = ("read", "write", "ingest")

Team = Annotated[str, Field(pattern="^(" + "|".join(TEAMS) + ")$")]
Role = Annotated[str, Field(pattern="^(" + "|".join(ROLES) + ")$")]
Capacity = Annotated[int, Field(ge=0, le=100_000, description="Most open leads at once")]
Password = Annotated[str, Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH)]


def check_time_zone(value: str) -> str:
    """An IANA zone name such as Europe/Berlin (case as IANA spells it)."""
    if value not in available_timezones() and value != "UTC":
        raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Europe/Berlin")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {value!r}") from exc
    return value


def check_working_hours(value: dict[str, Any]) -> dict[str, list[str]]:
    """{"mon": ["09:00", "17:30"], ...}; a day left out is a day off."""
    cleaned: dict[str, list[str]] = {}
    for day, span in value.items():
        if day not in WEEKDAYS:
            raise ValueError(f"unknown weekday {day!r}; use one of {', '.join(WEEKDAYS)}")
        if not isinstance(span, list | tuple) or len(span) != 2:
            raise ValueError(f"{day}: give [start, end] as two HH:MM times")
        start, end = span
        if not all(isinstance(t, str) and _CLOCK.match(t) for t in (start, end)):
            raise ValueError(f"{day}: times must be HH:MM (24-hour)")
        if start >= end:
            raise ValueError(f"{day}: the day must end after it starts")
        cleaned[day] = [start, end]
    return {day: cleaned[day] for day in WEEKDAYS if day in cleaned}


_Time = Annotated[str, Field(pattern=r"^\d{2}:\d{2}$", examples=["09:00"])]
_Span = Annotated[
    tuple[_Time, _Time] | None,
    Field(description='["09:00", "17:30"] (24-hour, local to the time zone); left out: off.'),
]


class WorkingWeek(Shape):
    """A rep's working hours, one span a weekday (what ``check_working_hours`` accepts)."""

    mon: _Span = None
    tue: _Span = None
    wed: _Span = None
    thu: _Span = None
    fri: _Span = None
    sat: _Span = None
    sun: _Span = None


WorkingHours = DescribedBy(WorkingWeek)


class _WorkFields(CleanInput):
    @field_validator("time_zone", check_fields=False)
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return None if value is None else check_time_zone(value)

    @field_validator("working_hours", check_fields=False)
    @classmethod
    def _hours(cls, value: dict[str, Any] | None) -> dict[str, list[str]] | None:
        return None if value is None else check_working_hours(value)


class UserCreate(_WorkFields):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    team: Team
    role: Role
    password: Password | None = None
    manager_id: int | None = None
    capacity: Capacity | None = None
    working_hours: Annotated[dict[str, Any], WorkingHours] = Field(default_factory=dict)
    time_zone: str = "UTC"
    out_of_office: bool = False


class UserUpdate(_WorkFields):
    """The fields given change; leave a field out to keep it."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    team: Team | None = None
    role: Role | None = None
    manager_id: int | None = None
    capacity: Capacity | None = None
    working_hours: Annotated[dict[str, Any] | None, WorkingHours] = None
    time_zone: str | None = None
    out_of_office: bool | None = None
    is_active: bool | None = None


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    team: str
    role: str
    is_active: bool
    manager_id: int | None = None
    capacity: int | None = None
    working_hours: dict[str, list[str]] = Field(default_factory=dict)
    time_zone: str = "UTC"
    out_of_office: bool = False


class PasswordChange(CleanInput):
    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: Password
    revoke_tokens: bool = Field(
        default=True,
        description="Also revoke every API token of yours (the default: a token made by "
        "whoever knew the old password would otherwise keep working)",
    )


class ApiTokenCreate(CleanInput):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    scopes: list[Literal["read", "write", "ingest"]] = Field(min_length=1)


class ApiTokenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    revoked_reason: str | None = Field(
        default=None,
        description="by_hand, deactivated, password_changed or password_reset",
    )


class ApiTokenIssuedRead(ApiTokenRead):
    token: str = Field(description="The secret; shown this once and never again")

"""Input datetimes Huddle can store: timezone-aware, and still a valid date once in UTC
(0001-01-01T00:00+05:00 is before year 1 in UTC and cannot be stored or compared)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime


def in_utc_range(value: datetime) -> datetime:
    try:
        value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("outside the range of dates Huddle can store") from exc
    return value


UtcDatetime = Annotated[AwareDatetime, AfterValidator(in_utc_range)]

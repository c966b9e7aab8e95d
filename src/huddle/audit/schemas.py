from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from huddle.core.schemas import CleanInput
from huddle.core.timefields import UtcDatetime

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class AuditFilters(CleanInput):
    """What narrows the audit trail. Every filter is served by an index."""

    actor_user_id: int | None = Field(default=None, description="Changes made by this user.")
    action: ShortText | None = Field(default=None, description='e.g. "contact.stage_changed"')
    subject_type: ShortText | None = Field(default=None, description='e.g. "contact", "user"')
    subject_id: ShortText | None = Field(default=None, description="Needs subject_type.")
    since: UtcDatetime | None = Field(default=None, description="From this time (inclusive).")
    until: UtcDatetime | None = Field(default=None, description="Before this time.")


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_kind: str
    actor_user_id: int | None
    actor_token_id: int | None
    actor_label: str | None
    action: str
    subject_type: str
    subject_id: str | None
    summary: str
    changes: dict[str, Any]
    ip: str | None
    user_agent: str | None


class AuditPage(BaseModel):
    items: list[AuditEntryRead]
    next_cursor: str | None = Field(description="Pass as cursor for the next (older) page.")

from __future__ import annotations

from datetime import datetime
from typing import Annotated, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

from huddle.core.schemas import CleanInput
from huddle.core.timefields import UtcDatetime
from huddle.core.values import Scalar

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class AuditFilters(CleanInput):
    """What narrows the audit trail. Every filter is served by an index."""

    actor_user_id: int | None = Field(default=None, description="Changes made by this user.")
    action: ShortText | None = Field(default=None, description='e.g. "contact.stage_changed"')
    subject_type: ShortText | None = Field(default=None, description='e.g. "contact", "user"')
    subject_id: ShortText | None = Field(default=None, description="Needs subject_type.")
    since: UtcDatetime | None = Field(default=None, description="From this time (inclusive).")
    until: UtcDatetime | None = Field(default=None, description="Before this time.")


# What an entry's ``changes`` hold, by field: a fact (an id, a stage, a flag), a list
# (scopes, a change's [before, after], pairs such as allowed transitions), or a map of
# field -> [before, after] (a user's access). The audit service checks every entry it
# writes against this, so the document never promises less than the trail holds.
AuditValue: TypeAlias = Scalar | list[Scalar | list[Scalar]] | dict[str, list[Scalar]]
AuditChanges: TypeAlias = dict[str, AuditValue]
AUDIT_CHANGES: TypeAdapter[AuditChanges] = TypeAdapter(AuditChanges)


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
    changes: AuditChanges = Field(
        description="The change: field -> [before, after], or the audited event's facts."
    )
    ip: str | None
    user_agent: str | None


class AuditPage(BaseModel):
    items: list[AuditEntryRead]
    next_cursor: str | None = Field(description="Pass as cursor for the next (older) page.")

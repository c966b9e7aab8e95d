from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class PersonalDataExport(BaseModel):
    """Everything Huddle holds on a contact."""

    format: str = Field(description='"huddle.personal-data/1"')
    exported_at: datetime
    contact_id: int
    contact: dict[str, Any]
    account: dict[str, Any] | None
    consent_history: list[dict[str, Any]]
    touches: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    merged_records: list[dict[str, Any]]
    stage_history: list[dict[str, Any]]
    deal_roles: list[dict[str, Any]]


class ErasureRead(BaseModel):
    contact_id: int
    erased: bool

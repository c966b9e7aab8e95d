from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from huddle.contacts.schemas import (
    ConsentChangeRead,
    ContactRead,
    MergeRecordRead,
    NoteRead,
    PersonalAccount,
    PersonalTouch,
)
from huddle.lifecycle.schemas import DealOfContact, StageTransitionRead


class PersonalDataExport(BaseModel):
    """Everything Huddle holds on a contact."""

    format: str = Field(description='"huddle.personal-data/1"')
    exported_at: datetime
    contact_id: int
    contact: ContactRead
    account: PersonalAccount | None
    consent_history: list[ConsentChangeRead]
    touches: list[PersonalTouch]
    notes: list[NoteRead] = Field(description="Notes on the person, or naming them.")
    merged_records: list[MergeRecordRead] = Field(description="Contacts merged into theirs.")
    stage_history: list[StageTransitionRead]
    deal_roles: list[DealOfContact]


class ErasureRead(BaseModel):
    contact_id: int
    erased: bool

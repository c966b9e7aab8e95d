"""Touches, notes, the timeline and merges."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from huddle.contacts.schemas.fields import (
    Side,
)
from huddle.core.schemas import DescribedBy, InputModel, ReadModel, Shape
from huddle.core.timefields import UtcDatetime
from huddle.core.values import FLAT_VALUES, FlatMap, FlatValue, Scalar, StoredFlatMap

# --- touches -------------------------------------------------------------------------------


class TouchBase(InputModel):
    type: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.]{0,59}$")] = Field(
        description="What happened: a registered event type (GET /event-types), e.g. "
        "page_view, form_submitted, email_clicked, call_logged.",
        examples=["form_submitted"],
    )
    occurred_at: UtcDatetime | None = Field(default=None, description="Defaults to now.")
    properties: FlatMap = Field(
        default_factory=dict,
        description="utm_source, utm_medium, utm_campaign, referrer, landing_page/url, ...: "
        f"each {FLAT_VALUES} (the event type's properties_schema says which it takes).",
    )
    campaign_id: int | None = None
    asset_id: int | None = None
    workflow_id: int | None = None
    idempotency_key: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None,
        description="A retried delivery with the same key is stored once; the key is the "
        "sender's (API token, else user): reused for another touch it is a 409.",
    )


class TouchCreate(TouchBase):
    contact_id: int | None = None
    visitor_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None

    @model_validator(mode="after")
    def _has_subject(self) -> TouchCreate:
        if self.contact_id is None and self.visitor_id is None:
            raise PydanticCustomError("touch", "a touch needs a contact_id or a visitor_id")
        return self


class TouchRead(ReadModel):
    id: int
    type: str
    occurred_at: datetime
    contact_id: int | None
    visitor_id: str | None
    account_id: int | None
    actor_type: str
    actor_user_id: int | None
    properties: StoredFlatMap
    campaign_id: int | None
    asset_id: int | None
    workflow_id: int | None
    idempotency_key: str | None
    created_at: datetime


class PersonalTouch(TouchRead):
    """A touch in a person's data export: everything stored, the sender's idempotency
    scope and the payload's fingerprint too."""

    idempotency_scope: str | None
    idempotency_fingerprint: str | None


class TouchConflict(BaseModel):
    """409: the sender used the key before for another touch."""

    detail: str
    code: Literal["idempotency_conflict"]
    idempotency_key: str
    fingerprint: str = Field(description="sha256 of this request's touch as canonical JSON.")
    stored_fingerprint: str = Field(description="The same of the touch stored under the key.")


# --- notes and the timeline ----------------------------------------------------------------


class NoteBody(InputModel):
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]


class NoteCreate(NoteBody):
    contact_id: int | None = None
    account_id: int | None = None
    opportunity_id: int | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> NoteCreate:
        given = [self.contact_id, self.account_id, self.opportunity_id]
        if sum(value is not None for value in given) != 1:
            raise PydanticCustomError(
                "note", "a note is on exactly one of contact_id, account_id, opportunity_id"
            )
        return self


class NoteRead(ReadModel):
    id: int
    contact_id: int | None
    account_id: int | None
    opportunity_id: int | None
    author_id: int | None
    body: str
    mentioned_user_ids: list[int]
    created_at: datetime
    updated_at: datetime


TimelineKind = Literal["merge", "note", "stage_change", "touch", "workflow_step"]


class TouchItemData(Shape):
    """A ``touch`` item's data."""

    type: str
    properties: StoredFlatMap = Field(description="The touch's own properties, as sent.")
    campaign_id: int | None
    asset_id: int | None
    workflow_id: int | None
    actor_type: str


class NoteItemData(Shape):
    """A ``note`` item's data."""

    mentioned_user_ids: list[int]
    account_id: int | None


class FieldResolution(Shape):
    """Whose value a merge kept for a field that differed, and by which rule."""

    kept: Side
    rule: str = Field(description="choice, newest, identity, most_restrictive_consent...")


Resolution = DescribedBy(dict[str, FieldResolution])


class MergeItemData(Shape):
    """A ``merge`` item's data: which record was merged in, and the choices made per field
    (left out for roles that may not see contact details)."""

    merged_id: int
    resolution: dict[str, FieldResolution] | None = None


class StageChangeItemData(Shape):
    """A ``stage_change`` item's data."""

    from_stage: str | None
    to_stage: str
    by_rule: str | None
    rejection_reason: str | None


class WorkflowStepItemData(Shape):
    """A ``workflow_step`` item's data: a step a workflow ran for the contact."""

    workflow_id: int
    step_id: str
    step_kind: str
    outcome: str = Field(description="done, yes, no, event, timeout, skipped, exited, failed")


ItemData = DescribedBy(
    TouchItemData | NoteItemData | MergeItemData | StageChangeItemData | WorkflowStepItemData
)


class TimelineItem(BaseModel):
    """One entry of a contact's or an account's story, newest first."""

    kind: TimelineKind
    id: int
    at: datetime
    contact_id: int | None
    title: str
    body: str | None = None
    by_user_id: int | None = None
    data: Annotated[dict[str, Any], ItemData] = Field(
        default_factory=dict, description="What the item's kind adds."
    )
    cursor: str = Field(description="Pass as `before` to get the items after this one.")


class TimelinePage(BaseModel):
    items: list[TimelineItem]
    next_cursor: str | None


# --- merge ---------------------------------------------------------------------------------


class MergeRequest(InputModel):
    merged_id: int
    choices: dict[str, Side] = Field(
        default_factory=dict,
        description='field -> "survivor" or "merged"; other conflicts take the newest value.',
    )


# A merged record's columns as they were: flat values, and its custom fields by key.
SnapshotValue = FlatValue | dict[str, Scalar]


class MergeRecordRead(ReadModel):
    id: int
    entity: str
    survivor_id: int
    merged_id: int
    merged_snapshot: dict[str, SnapshotValue] = Field(
        description="The merged record's columns before the merge (erasure removes the "
        "personal ones)."
    )
    resolution: Annotated[dict[str, Any], Resolution]
    by_user_id: int | None
    at: datetime

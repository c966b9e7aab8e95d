"""The shapes of buying stages' indicators and plays' steps (stored as JSON, typed here:
the pages' forms and the API share them)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from huddle.core.schemas import InputModel, ReadModel

StageKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Owner = Literal["marketing", "sales", "success"]
OWNERS: dict[str, str] = {"marketing": "Marketing", "sales": "Sales", "success": "Success"}
# The team whose queue holds an unowned contact's task, by the step's owner.
OWNER_TEAMS: dict[str, str] = {"sales": "sales", "success": "customer_success"}


class Indicator(InputModel):
    """A touch that says the contact is at a stage: of ``touch_type``, and when
    ``property`` is given, whose property contains ``contains`` (any case):
    ``page_view`` whose ``url`` contains ``/pricing``."""

    touch_type: Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_.-]+$")]
    property: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,59}$")] | None = None
    contains: Annotated[str, Field(min_length=1, max_length=200)] | None = None

    def describe(self) -> str:
        if self.property and self.contains:
            return f"{self.touch_type} whose {self.property} contains “{self.contains}”"
        return f"any {self.touch_type}"


class BuyingStageWrite(InputModel):
    key: StageKey
    name: Annotated[str, Field(min_length=1, max_length=80)]
    indicators: Annotated[list[Indicator], Field(max_length=30)] = []


class BuyingStageRead(ReadModel):
    key: str
    name: str
    position: int
    indicators: list[Indicator]


class PlayStep(InputModel):
    """A step of a play. Marketing sends ``template_id``'s email by itself; a sales or
    success step is a task (``title``) due ``due_hours`` after it opens, in the queue of
    the contact's owner (or of the owning team when the contact has none)."""

    owner: Owner
    title: Annotated[str, Field(min_length=1, max_length=200)]
    template_id: int | None = None
    due_hours: Annotated[int, Field(ge=1, le=24 * 90)] | None = None

    @property
    def is_task(self) -> bool:
        return self.owner != "marketing"


class PlayWrite(InputModel):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    description: Annotated[str, Field(max_length=500)] | None = None
    buying_stage: StageKey | None = None
    steps: Annotated[list[PlayStep], Field(max_length=30)] = []


class PlayStartWrite(InputModel):
    play_id: int


class RunStepRead(ReadModel):
    id: int
    position: int
    owner: str
    title: str
    status: Literal["open", "done", "skipped"]
    assignee_id: int | None
    due_at: datetime | None
    detail: str | None
    done_at: datetime | None
    done_by: str | None


class RunRead(ReadModel):
    id: int
    play_id: int
    contact_id: int
    position: int
    status: Literal["active", "completed", "stopped"]
    reason: str
    started_at: datetime
    finished_at: datetime | None


class PlayRead(ReadModel):
    id: int
    name: str
    description: str | None
    buying_stage: str | None
    status: Literal["active", "paused"]
    steps: list[PlayStep]
    library_key: str | None
    created_at: datetime


class StageChangeRead(ReadModel):
    from_stage: str | None
    to_stage: str
    evidence: str
    touch_id: int | None
    at: datetime


class BuyingJourneyRead(ReadModel):
    """A contact's buying stage (None: no indicator touch yet) and how it got there."""

    stage: str | None
    history: list[StageChangeRead]


class RunProgressRead(RunRead):
    play: str
    steps: list[PlayStep]
    reached: list[RunStepRead]

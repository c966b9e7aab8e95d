"""The home page's JSON shape for /api/v1/home."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from huddle.contacts.schemas import ContactRead
from huddle.lifecycle.schemas import BoardTotals


class StageFlow(BaseModel):
    stage: str = Field(description="The lifecycle stage's key, e.g. ``mql``")
    label: str = Field(description="The stage as the pages name it, e.g. ``MQL``")
    count: int = Field(ge=0, description="Contacts that entered the stage in the window")


class FunnelStep(StageFlow):
    share: float = Field(
        ge=0, le=1, description="``count`` of the widest step's, 0 to 1 (the bar's length)"
    )
    conversion_percent: int | None = Field(
        description="``count`` of the step before it, in percent (may pass 100 when contacts "
        "skip a stage); null for the first step"
    )


class ContactRow(BaseModel):
    contact: ContactRead = Field(
        description="The contact (email and phone null when your role may not see them)"
    )
    owner_name: str | None = Field(
        description="Its owner's name; null when unassigned (or the owner is deactivated)"
    )


class HomeRead(BaseModel):
    """Everything the home page (/) shows to the caller."""

    as_of: datetime = Field(description="The instant the figures were read at")
    since: datetime = Field(description="The window's start: stage entries from here count")
    until: datetime = Field(description="The window's end, excluded")
    window_days: int = Field(description="The window's length in days (30 unless asked)")
    funnel: list[FunnelStep] = Field(
        description="The funnel's stages in order, Subscriber to Customer"
    )
    beside_funnel: list[StageFlow] = Field(
        description="The stages beside the funnel: Lost, Disqualified, Recycled"
    )
    open_pipeline: BoardTotals = Field(
        description="Open deals: how many, their amount and probability-weighted amount"
    )
    my_open_leads: list[ContactRow] = Field(
        description="Your leads, MQLs and SALs, highest score first (at most 6)"
    )
    recent: list[ContactRow] = Field(description="The contacts changed last (at most 8)")

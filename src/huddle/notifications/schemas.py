"""Webhooks in the JSON API. The signing secret is written, never read back."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from huddle.core.schemas import NOT_NULLABLE, CleanInput

Kind = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class WebhookCreate(CleanInput):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=120)
    url: str = Field(max_length=2000)
    secret: str = Field(max_length=200, description="At least 16 characters; signs each body.")
    kinds: list[Kind] = Field(
        default_factory=list, max_length=50, description="Notification kinds; empty = all."
    )
    active: bool = True


class WebhookUpdate(CleanInput):
    """Only the fields sent change; none may be null (send [] for every kind)."""

    model_config = ConfigDict(extra="forbid")

    url: Annotated[str | None, NOT_NULLABLE] = Field(default=None, max_length=2000)
    kinds: Annotated[list[Kind] | None, NOT_NULLABLE] = Field(default=None, max_length=50)
    active: Annotated[bool | None, NOT_NULLABLE] = None


class WebhookRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    url: str
    kinds: list[str]
    active: bool


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    webhook_id: int
    kind: str
    status: str
    response_status: int | None
    created_at: datetime
    delivered_at: datetime | None


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str = Field(description="What it is about, e.g. routing.handoff, sla.breached.")
    subject: str
    body: str
    link: str | None
    created_at: datetime
    read_at: datetime | None


class NotificationPage(BaseModel):
    """My notifications, newest first; pass the last one's id as ``before`` for older ones."""

    unread: int
    items: list[NotificationRead]

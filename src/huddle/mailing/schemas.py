"""The mailing domain's JSON shapes for /api/v1 (the pages' forms build the same ones)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from huddle.core.schemas import InputModel, ReadModel
from huddle.core.text import refuse_control_characters


def _one_line(value: str) -> str:
    return refuse_control_characters(value.strip(), single_line=True)


def _blank_none(value: str | None) -> str | None:
    return value if value and value.strip() else None


Line = Annotated[str, AfterValidator(_one_line), Field(min_length=1, max_length=200)]
Subject = Annotated[str, AfterValidator(_one_line), Field(min_length=1, max_length=500)]
Body = Annotated[str, Field(min_length=1, max_length=200_000)]
OptionalBody = Annotated[
    Annotated[str, Field(max_length=200_000)] | None, AfterValidator(_blank_none)
]
Address = Annotated[str, AfterValidator(_one_line), Field(min_length=3, max_length=320)]
SuppressionReason = Literal["bounce", "complaint", "manual"]
ReportType = Literal["bounce", "complaint"]


class TemplateWrite(InputModel):
    """A template as created or replaced. Jinja2: ``{{ contact.first_name | default("there")
    }}``, ``{{ account.name }}``, ``{{ contact.custom.<field> }}``, ``{{ unsubscribe_url }}``.
    Without a text body one is derived from the HTML when a message is sent."""

    name: Line
    subject: Subject
    html_body: Body
    text_body: OptionalBody = None


class TemplateRead(ReadModel):
    id: int
    name: str
    subject: str
    html_body: str
    text_body: str | None
    created_at: datetime
    updated_at: datetime


class PreviewRequest(InputModel):
    contact_id: int


class PreviewRead(ReadModel):
    subject: str
    html: str
    text: str


class SendRequest(InputModel):
    """Send a template to a contact once per ``idempotency_key``: a repeat sends nothing."""

    template_id: int
    contact_id: int
    idempotency_key: Annotated[str, AfterValidator(_one_line), Field(min_length=1, max_length=200)]


class SendOutcomeRead(ReadModel):
    send_id: int
    status: str
    reason: str | None
    repeated: bool


class SendRead(ReadModel):
    id: int
    idempotency_key: str
    template_id: int | None
    contact_id: int | None
    is_test: bool
    to_address: str | None
    subject: str | None
    status: str
    reason: str | None
    message_id: str | None
    created_at: datetime
    sent_at: datetime | None


class SuppressionWrite(InputModel):
    email: Address
    reason: SuppressionReason = "manual"
    detail: Annotated[str, Field(max_length=500)] | None = None


class SuppressionRead(ReadModel):
    id: int
    email: str
    reason: str
    detail: str | None
    source: str
    created_at: datetime


class DeliveryEvent(InputModel):
    """A bounce or complaint an email provider reported (its webhook, or a relay of it)."""

    type: ReportType
    email: Address
    detail: Annotated[str, Field(max_length=500)] | None = None


class DeliveryEvents(InputModel):
    events: Annotated[list[DeliveryEvent], Field(min_length=1, max_length=1000)]


class DeliveryEventsResult(ReadModel):
    suppressed: int
    already_suppressed: int

"""What the tracking API and settings pages accept and return."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from huddle.core.schemas import NOT_NULLABLE, DescribedBy, InputModel, ReadModel
from huddle.core.values import FLAT_VALUES, FlatMap
from huddle.tracking.links import link_problem

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
EventName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.]{0,59}$")]
Category = Literal["marketing", "sales", "product", "customer"]
FieldType = Literal["text", "email", "tel", "textarea", "checkbox"]


def _origin(value: str) -> str:
    """``https://www.example.com`` (scheme, host, optional port; nothing after it)."""
    value = value.strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"'{value}' is not an origin like https://www.example.com")
    if parts.path or parts.query or parts.fragment or parts.username:
        raise ValueError(f"'{value}' is more than an origin: leave out the path")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _absolute_url(value: str) -> str:
    value = value.strip()
    problem = link_problem(value)
    if problem is not None:
        raise ValueError(f"'{value}' {problem}")
    return value


Origin = Annotated[str, StringConstraints(max_length=300), AfterValidator(_origin)]
AbsoluteUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_absolute_url)]


# --- sites -----------------------------------------------------------------------------------


class SiteCreate(InputModel):
    name: Name
    allowed_origins: list[Origin] = Field(
        default_factory=list, max_length=50, description="Origins that may send touches (CORS)."
    )
    allowed_redirects: list[AbsoluteUrl] = Field(
        default_factory=list,
        max_length=100,
        description="The only URLs a form may send people to afterwards.",
    )


class SiteUpdate(InputModel):
    """Only the fields given change; none may be null (send [] to empty a list)."""

    name: Annotated[Name | None, NOT_NULLABLE] = None
    allowed_origins: Annotated[list[Origin] | None, NOT_NULLABLE] = Field(
        default=None, max_length=50
    )
    allowed_redirects: Annotated[list[AbsoluteUrl] | None, NOT_NULLABLE] = Field(
        default=None, max_length=100
    )


class SiteRead(ReadModel):
    id: int
    name: str
    site_key: str = Field(description="Public: it can only send touches, never read.")
    allowed_origins: list[str]
    allowed_redirects: list[str]
    created_at: datetime
    updated_at: datetime


# --- forms -----------------------------------------------------------------------------------


class FormField(InputModel):
    name: FieldName
    label: Name
    type: FieldType = "text"
    required: bool = False


class FormCreate(InputModel):
    site_id: int
    name: Name
    fields: list[FormField] = Field(min_length=1, max_length=50)
    consent_field: FieldName | None = Field(
        default=None, description="The checkbox whose tick alone records email consent."
    )
    consent_text: Annotated[str, StringConstraints(max_length=2000)] | None = None
    thank_you_url: AbsoluteUrl = Field(description="Must be one of the site's allowed redirects.")
    honeypot_field: FieldName = "website"
    min_fill_seconds: int = Field(default=3, ge=0, le=3600)


class FormUpdate(InputModel):
    """Only the fields given change; null clears the consent field and text, and the
    others cannot be null."""

    name: Annotated[Name | None, NOT_NULLABLE] = None
    fields: Annotated[list[FormField] | None, NOT_NULLABLE] = Field(
        default=None, min_length=1, max_length=50
    )
    consent_field: FieldName | None = None
    consent_text: Annotated[str, StringConstraints(max_length=2000)] | None = None
    thank_you_url: Annotated[AbsoluteUrl | None, NOT_NULLABLE] = None
    honeypot_field: Annotated[FieldName | None, NOT_NULLABLE] = None
    min_fill_seconds: Annotated[int | None, NOT_NULLABLE] = Field(default=None, ge=0, le=3600)


class FormRead(ReadModel):
    id: int
    site_id: int
    name: str
    form_key: str
    fields: Annotated[list[dict[str, Any]], DescribedBy(list[FormField])]
    consent_field: str | None
    consent_text: str | None
    thank_you_url: str
    honeypot_field: str
    min_fill_seconds: int
    created_at: datetime
    updated_at: datetime


# --- event types -----------------------------------------------------------------------------

# No "object": a touch's properties are flat (``huddle.core.values``); an array holds text,
# numbers, true/false or null.
PropertyType = Literal["string", "number", "integer", "boolean", "array"]


class PropertySpec(BaseModel):
    """One property's type (other JSON-schema keywords are kept, not checked)."""

    model_config = ConfigDict(extra="allow", json_schema_mode_override="validation")

    type: PropertyType


class PropertiesSchema(BaseModel):
    """The JSON-schema subset each event of the type is checked against: its properties'
    types and which are required. Empty: anything goes."""

    model_config = ConfigDict(extra="allow", json_schema_mode_override="validation")

    type: Literal["object"] = "object"
    properties: dict[str, PropertySpec] = Field(default_factory=dict)
    required: list[str] = Field(default_factory=list)


EventSchema = DescribedBy(PropertiesSchema)


class EventTypeCreate(InputModel):
    name: EventName
    label: Name
    category: Category
    identifies: bool = False
    creates_contacts: bool = False
    properties_schema: Annotated[dict[str, Any], EventSchema] = Field(
        default_factory=dict,
        description='{"type": "object", "properties": {"seats": {"type": "integer"}}, '
        '"required": ["seats"]}',
    )


class EventTypeUpdate(InputModel):
    """Only the fields given change; none may be null."""

    label: Annotated[Name | None, NOT_NULLABLE] = None
    category: Annotated[Category | None, NOT_NULLABLE] = None
    identifies: Annotated[bool | None, NOT_NULLABLE] = None
    creates_contacts: Annotated[bool | None, NOT_NULLABLE] = None
    properties_schema: Annotated[dict[str, Any] | None, EventSchema, NOT_NULLABLE] = None


class EventTypeRead(ReadModel):
    id: int
    name: str
    label: str
    category: str
    identifies: bool
    creates_contacts: bool
    properties_schema: Annotated[dict[str, Any], EventSchema]


# --- the events API --------------------------------------------------------------------------


class EventIn(BaseModel):
    """One event of a batch (documentation: the batch is checked event by event)."""

    type: EventName
    idempotency_key: Annotated[str, StringConstraints(min_length=1, max_length=190)]
    email: str | None = Field(default=None, description="Who: an email, or contact_id.")
    contact_id: int | None = None
    visitor_id: str | None = Field(
        default=None, description="For an identifying type: the website visitor to stitch."
    )
    occurred_at: datetime | None = Field(default=None, description="ISO 8601 with a zone.")
    properties: FlatMap = Field(
        default_factory=dict, description=f"Each {FLAT_VALUES}, as the event type's schema says."
    )


class EventBatch(BaseModel):
    events: list[EventIn] = Field(max_length=5000)


class EventFailure(BaseModel):
    index: int
    reason: str
    code: Literal["idempotency_conflict"] | None = Field(
        default=None,
        description="Set when the sender used the key before for another payload; the "
        "fields below are then set too.",
    )
    idempotency_key: str | None = None
    fingerprint: str | None = Field(
        default=None, description="sha256 of this event as canonical JSON (sorted keys)."
    )
    stored_fingerprint: str | None = Field(
        default=None, description="The same of the event stored under the key."
    )


class EventBatchResult(BaseModel):
    stored: int = Field(description="Events stored now.")
    duplicates: int = Field(
        description="Events whose idempotency key the sender stored before, with the same "
        "payload (replays with another payload are failures)."
    )
    contacts_created: int
    failed: list[EventFailure]

"""API and service schemas of the shared record (Pydantic). ORM models live in ``models.py``.

Field-level rules that need no database (email syntax, known stages, consent states) are
checked here, so a bad value is a 422 naming the field before any service runs. Rules that
need the database (custom field definitions, existing accounts) are checked in the service
and raised as ``ValidationFailed`` naming the field the same way (``custom.<key>``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from huddle.contacts.models import EMAIL_OPT_IN_STATES
from huddle.contacts.normalize import InvalidEmail, normalize_domain, normalize_email
from huddle.lifecycle.stages import STAGES

CONSENT_FIELDS = ("email_opt_in", "do_not_email", "do_not_call")
# A new contact's consent: nothing to record until something else is known.
CONSENT_DEFAULTS: dict[str, str | bool] = {
    "email_opt_in": "unknown",
    "do_not_email": False,
    "do_not_call": False,
}
# The plain fields a person edits, with no rule beyond their type.
CONTACT_PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "seniority",
    "department",
    "phone",
    "country",
    "city",
    "owner_id",
)
# What describes a company: what enrichment may fill and a person may set.
ACCOUNT_FIRMOGRAPHICS = (
    "name",
    "industry",
    "employee_count",
    "annual_revenue",
    "country",
    "region",
    "city",
    "technologies",
)
ConsentField = Literal["email_opt_in", "do_not_email", "do_not_call"]
Side = Literal["survivor", "merged"]


def _blank_to_none(value: object) -> object:
    """Trim text; an empty or blank string means "no value" (forms and CSVs send "")."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def _limit(max_length: int) -> StringConstraints:
    return StringConstraints(max_length=max_length)


# Optional text: trimmed, blank means None, then the column's length limit.
Name = Annotated[Annotated[str, _limit(120)] | None, BeforeValidator(_blank_to_none)]
Text200 = Annotated[Annotated[str, _limit(200)] | None, BeforeValidator(_blank_to_none)]
Text100 = Annotated[Annotated[str, _limit(100)] | None, BeforeValidator(_blank_to_none)]
Text60 = Annotated[Annotated[str, _limit(60)] | None, BeforeValidator(_blank_to_none)]
Company = Annotated[Annotated[str, _limit(300)] | None, BeforeValidator(_blank_to_none)]


def check_email(value: str) -> str:
    try:
        return normalize_email(value)
    except InvalidEmail as exc:
        raise PydanticCustomError("email", str(exc)) from exc


def check_domain(value: str | None) -> str | None:
    if value is None:
        return None
    domain = normalize_domain(value)
    if domain is None:
        raise PydanticCustomError("domain", "'{value}' is not a domain", {"value": value})
    return domain


def check_stage(value: str) -> str:
    if value not in STAGES:
        raise PydanticCustomError(
            "stage",
            "unknown lifecycle stage '{value}'; expected one of {expected}",
            {"value": value, "expected": ", ".join(STAGES)},
        )
    return value


def check_opt_in(value: str | None) -> str | None:
    if value is not None and value not in EMAIL_OPT_IN_STATES:
        raise PydanticCustomError(
            "email_opt_in",
            "unknown consent state '{value}'; expected one of {expected}",
            {"value": value, "expected": ", ".join(EMAIL_OPT_IN_STATES)},
        )
    return value


Email = Annotated[str, BeforeValidator(check_email)]
Domain = Annotated[str | None, BeforeValidator(_blank_to_none), BeforeValidator(check_domain)]
Stage = Annotated[str, BeforeValidator(check_stage)]
OptIn = Annotated[str | None, BeforeValidator(check_opt_in)]
UserRef = int | Literal["unassigned"]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- accounts ------------------------------------------------------------------------------


class _AccountFields(_Input):
    domain: Domain = None
    industry: Text100 = None
    employee_count: int | None = Field(default=None, ge=0)
    annual_revenue: float | None = Field(default=None, ge=0)
    country: Text100 = None
    region: Text100 = None
    city: Text100 = None
    technologies: (
        list[Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]] | None
    ) = None
    owner_id: int | None = None
    is_target: bool | None = None
    custom: dict[str, Any] | None = None


class AccountCreate(_AccountFields):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class AccountUpdate(_AccountFields):
    """Only the fields given change; a field set here is a person's value from then on."""

    name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
        | None
    ) = None


class AccountSummary(_Read):
    id: int
    name: str
    domain: str | None
    is_target: bool


class AccountRead(AccountSummary):
    industry: str | None
    employee_count: int | None
    annual_revenue: float | None
    country: str | None
    region: str | None
    city: str | None
    technologies: list[str]
    owner_id: int | None
    custom: dict[str, Any]
    enriched_fields: list[str]
    created_at: datetime
    updated_at: datetime


class AccountSort(StrEnum):
    NAME = "name"
    NAME_DESC = "-name"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"


class AccountFilters(_Read):
    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    owner_id: UserRef | None = None
    is_target: bool | None = None
    industry: Text100 = None


# --- contacts ------------------------------------------------------------------------------


class _ContactFields(_Input):
    first_name: Name = None
    last_name: Name = None
    job_title: Text200 = None
    seniority: Text60 = None
    department: Name = None
    phone: Text60 = None
    country: Text100 = None
    city: Text100 = None
    owner_id: int | None = None
    # The account: an explicit id wins, then a company name, then the email's domain.
    account_id: int | None = None
    company: Company = Field(
        default=None, description="Company name: links to the account of that name or creates it."
    )
    company_domain: Domain = None
    email_opt_in: OptIn = None
    do_not_email: bool | None = None
    do_not_call: bool | None = None
    consent_source: Text200 = Field(
        default=None, description="Where a consent change came from (form, import, call)."
    )
    consent_text_shown: Annotated[str, StringConstraints(max_length=5000)] | None = None
    custom: dict[str, Any] | None = Field(
        default=None, description="Values of custom fields by key; null removes a value."
    )


class ContactCreate(_ContactFields):
    email: Email
    # Only for a new contact: an existing contact's stage moves through the lifecycle service.
    lifecycle_stage: Stage = "lead"


class ContactUpdate(_ContactFields):
    """Only the fields given change. The stage is not here: see lifecycle's transition_stage."""

    email: Email | None = None


class ContactRead(_Read):
    id: int
    email: str
    first_name: str | None
    last_name: str | None
    job_title: str | None
    seniority: str | None
    department: str | None
    phone: str | None
    country: str | None
    city: str | None
    account_id: int | None
    account: AccountSummary | None
    owner_id: int | None
    lifecycle_stage: str
    stage_entered_at: datetime
    score: int
    email_opt_in: str
    do_not_email: bool
    do_not_call: bool
    first_touch_source: str | None
    first_touch_medium: str | None
    first_touch_campaign: str | None
    first_touch_referrer: str | None
    first_touch_landing_page: str | None
    first_touch_at: datetime | None
    last_touch_source: str | None
    last_touch_medium: str | None
    last_touch_campaign: str | None
    last_touch_referrer: str | None
    last_touch_landing_page: str | None
    last_touch_at: datetime | None
    custom: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class ContactSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    UPDATED_AT = "updated_at"
    UPDATED_AT_DESC = "-updated_at"
    LAST_NAME = "last_name"
    LAST_NAME_DESC = "-last_name"
    SCORE = "score"
    SCORE_DESC = "-score"
    EMAIL = "email"
    EMAIL_DESC = "-email"

    @property
    def column(self) -> str:
        return self.value.removeprefix("-")

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")


class ContactFilters(_Read):
    """What narrows a contact list; also what a saved view stores."""

    stage: list[Stage] = Field(default_factory=list, description="One or many stages.")
    owner_id: UserRef | None = Field(default=None, description='A user id or "unassigned".')
    account_id: int | None = None
    score_min: int | None = None
    score_max: int | None = None
    created_since: AwareDatetime | None = None
    updated_since: AwareDatetime | None = None
    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = Field(
        default=None, description="Free text over first and last name, email and account name."
    )
    is_target: bool | None = Field(default=None, description="Only contacts of target accounts.")

    @field_validator("stage", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class ConsentUpdate(_Input):
    field: ConsentField
    value: str | bool
    source: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    text_shown: Annotated[str, StringConstraints(max_length=5000)] | None = None

    @field_validator("value")
    @classmethod
    def _value_fits_field(cls, value: str | bool, info: ValidationInfo) -> str | bool:
        field = info.data.get("field")
        if field == "email_opt_in":
            if not isinstance(value, str):
                raise PydanticCustomError("consent", "email_opt_in takes a state, not true/false")
            check_opt_in(value)
        elif not isinstance(value, bool):
            raise PydanticCustomError("consent", "{field} takes true or false", {"field": field})
        return value


class ConsentChangeRead(_Read):
    id: int
    contact_id: int
    field: str
    old_value: str | None
    new_value: str
    source: str
    text_shown: str | None
    by_user_id: int | None
    at: datetime


# --- touches -------------------------------------------------------------------------------


class TouchBase(_Input):
    type: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.]{0,59}$")] = Field(
        description="What happened, e.g. page_view, form_submit, email_clicked, call_logged."
    )
    occurred_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")
    properties: dict[str, Any] = Field(
        default_factory=dict,
        description="utm_source, utm_medium, utm_campaign, referrer, landing_page/url, ...",
    )
    campaign_id: int | None = None
    asset_id: int | None = None
    workflow_id: int | None = None
    idempotency_key: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, description="A retried delivery with the same key is stored once."
    )


class TouchCreate(TouchBase):
    contact_id: int | None = None
    visitor_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None

    @model_validator(mode="after")
    def _has_subject(self) -> TouchCreate:
        if self.contact_id is None and self.visitor_id is None:
            raise PydanticCustomError("touch", "a touch needs a contact_id or a visitor_id")
        return self


class TouchRead(_Read):
    id: int
    type: str
    occurred_at: datetime
    contact_id: int | None
    visitor_id: str | None
    account_id: int | None
    actor_type: str
    actor_user_id: int | None
    properties: dict[str, Any]
    campaign_id: int | None
    asset_id: int | None
    workflow_id: int | None
    idempotency_key: str | None
    created_at: datetime


# --- notes and the timeline ----------------------------------------------------------------


class NoteBody(_Input):
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


class NoteRead(_Read):
    id: int
    contact_id: int | None
    account_id: int | None
    opportunity_id: int | None
    author_id: int | None
    body: str
    mentioned_user_ids: list[int]
    created_at: datetime
    updated_at: datetime


TimelineKind = Literal["merge", "note", "stage_change", "touch"]


class TimelineItem(BaseModel):
    """One entry of a contact's or an account's story, newest first."""

    kind: TimelineKind
    id: int
    at: datetime
    contact_id: int | None
    title: str
    body: str | None = None
    by_user_id: int | None = None
    data: dict[str, Any] = Field(default_factory=dict)
    cursor: str = Field(description="Pass as `before` to get the items after this one.")


class TimelinePage(BaseModel):
    items: list[TimelineItem]
    next_cursor: str | None


# --- merge ---------------------------------------------------------------------------------


class MergeRequest(_Input):
    merged_id: int
    choices: dict[str, Side] = Field(
        default_factory=dict,
        description='field -> "survivor" or "merged"; other conflicts take the newest value.',
    )


class MergeRecordRead(_Read):
    id: int
    entity: str
    survivor_id: int
    merged_id: int
    merged_snapshot: dict[str, Any]
    resolution: dict[str, Any]
    by_user_id: int | None
    at: datetime


# --- custom fields and saved views ---------------------------------------------------------

CustomKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
Choices = list[
    Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
]


class CustomFieldDefinitionCreate(_Input):
    entity: Literal["contact", "account"]
    key: CustomKey
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    field_type: Literal["text", "number", "date", "boolean", "choice"]
    choices: Choices = Field(default_factory=list)

    @model_validator(mode="after")
    def _choices_fit_type(self) -> CustomFieldDefinitionCreate:
        if self.field_type == "choice" and not self.choices:
            raise PydanticCustomError("choices", "a choice field needs at least one choice")
        if self.field_type != "choice" and self.choices:
            raise PydanticCustomError("choices", "only a choice field has choices")
        if len(set(self.choices)) != len(self.choices):
            raise PydanticCustomError("choices", "choices must be distinct")
        return self


class CustomFieldDefinitionUpdate(_Input):
    label: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
        | None
    ) = None
    # Choices may be added or reordered; removing one in use would orphan stored values.
    choices: Choices | None = None


class CustomFieldDefinitionRead(_Read):
    id: int
    entity: str
    key: str
    label: str
    field_type: str
    choices: list[str]


class SavedViewCreate(_Input):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    shared: bool = False
    filters: ContactFilters = Field(default_factory=ContactFilters)
    sort: ContactSort = ContactSort.CREATED_AT_DESC


class SavedViewRead(BaseModel):
    id: int
    name: str
    owner_id: int | None
    shared: bool
    filters: ContactFilters
    sort: ContactSort
    created_at: datetime
    updated_at: datetime

    @model_validator(mode="before")
    @classmethod
    def _from_row(cls, value: Any) -> Any:
        """A stored view keeps its sort inside its filters column."""
        if isinstance(value, dict):
            return value
        stored = dict(value.filters or {})
        sort = stored.pop("sort", ContactSort.CREATED_AT_DESC.value)
        names = ("id", "name", "owner_id", "shared", "created_at", "updated_at")
        return {**{name: getattr(value, name) for name in names}, "filters": stored, "sort": sort}


class Page(BaseModel):
    """The JSON shape of every keyset-paginated list."""

    next_cursor: str | None


class ContactPage(Page):
    items: list[ContactRead]


class AccountPage(Page):
    items: list[AccountRead]

"""Contacts and accounts: what is created, changed, read and listed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from huddle.contacts.schemas.fields import (
    Company,
    ConsentField,
    Domain,
    Email,
    Name,
    OptIn,
    RecordId,
    Stage,
    Text60,
    Text100,
    Text200,
    UserRef,
    check_opt_in,
)
from huddle.core.bounds import Int32, RowId
from huddle.core.schemas import NOT_NULLABLE, DescribedBy, InputModel, ReadModel
from huddle.core.timefields import UtcDatetime

# Custom field values by key: text, a number, a date (YYYY-MM-DD) or true/false, each
# checked against its definition (GET /custom-fields); null or "" removes a value.
CustomValues = DescribedBy(dict[str, str | float | bool | None] | None)
StoredCustomValues = DescribedBy(dict[str, str | float | bool])

# --- accounts ------------------------------------------------------------------------------


class _AccountFields(InputModel):
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
    custom: Annotated[dict[str, Any] | None, CustomValues] = None


class AccountCreate(_AccountFields):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class AccountUpdate(_AccountFields):
    """Only the fields given change; a field set here is a person's value from then on.
    null clears an optional field; the name cannot be null."""

    name: Annotated[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
        | None,
        NOT_NULLABLE,
    ] = None


class AccountSummary(ReadModel):
    id: int
    name: str
    domain: str | None
    is_target: bool


class PersonalAccount(ReadModel):
    """A person's company in their data export: by name only (the company is not the
    person)."""

    id: int
    name: str
    domain: str | None


class AccountRead(AccountSummary):
    industry: str | None
    employee_count: int | None
    annual_revenue: float | None
    country: str | None
    region: str | None
    city: str | None
    technologies: list[str]
    owner_id: int | None
    custom: Annotated[dict[str, Any], StoredCustomValues]
    enriched_fields: list[str]
    created_at: datetime
    updated_at: datetime


class AccountSort(StrEnum):
    NAME = "name"
    NAME_DESC = "-name"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"


class AccountFilters(ReadModel):
    q: Annotated[
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None,
        Field(
            description="Words that each start a word of the account's name (any case or "
            "accent), or the account's whole domain."
        ),
    ] = None
    owner_id: UserRef | None = None
    is_target: bool | None = None
    industry: Text100 = None


# --- contacts ------------------------------------------------------------------------------


class _ContactFields(InputModel):
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
    custom: Annotated[dict[str, Any] | None, CustomValues] = Field(
        default=None, description="Values of custom fields by key; null removes a value."
    )


# The source CRM's record id: trimmed, one line; the key of a contact without email.
ExternalId = RecordId
_EXTERNAL_ID = (
    "The source CRM's record id (HubSpot's Record ID, Salesforce's Id), unique among "
    "contacts: the key of a contact that has no email. A Salesforce 15-character id is "
    "kept in its 18-character form, so a report's id and an export's are one."
)


class ContactCreate(_ContactFields):
    external_id: ExternalId = Field(default=None, description=_EXTERNAL_ID)
    # After ``external_id``: the check that one of the two keys is there reads it.
    email: Annotated[Email | None, Field(validate_default=True)] = Field(
        default=None,
        description="The dedupe key; may be left out when an external_id is given.",
    )
    # Only for a new contact: an existing contact's stage moves through the lifecycle service.
    lifecycle_stage: Stage = "lead"

    @field_validator("email", mode="after")
    @classmethod
    def _email_or_external_id(cls, value: str | None, info: ValidationInfo) -> str | None:
        # A bad external id has its own error already: the key is not missing then.
        if value is None and info.data.get("external_id", "") is None:
            raise PydanticCustomError("key_required", "an email or an external id is required")
        return value


class ContactUpdate(_ContactFields):
    """Only the fields given change; null clears an optional field, and the email and the
    consent fields cannot be null. The stage is not here: see lifecycle's transition_stage."""

    email: Annotated[Email | None, NOT_NULLABLE] = None
    external_id: Annotated[ExternalId, NOT_NULLABLE] = Field(default=None, description=_EXTERNAL_ID)
    email_opt_in: Annotated[OptIn, NOT_NULLABLE] = None
    do_not_email: Annotated[bool | None, NOT_NULLABLE] = None
    do_not_call: Annotated[bool | None, NOT_NULLABLE] = None


class ContactRead(ReadModel):
    id: int
    email: str | None = Field(
        description="null when your role may not see contact details, or for a contact "
        "keyed by its external_id alone"
    )
    external_id: str | None = Field(description=_EXTERNAL_ID)
    first_name: str | None
    last_name: str | None
    job_title: str | None
    seniority: str | None
    department: str | None
    phone: str | None = Field(description="null when your role may not see contact details")
    country: str | None
    city: str | None
    account_id: int | None
    account: AccountSummary | None
    owner_id: int | None
    lifecycle_stage: str
    stage_entered_at: datetime
    score: int
    buying_stage: str | None = None
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
    custom: Annotated[dict[str, Any], StoredCustomValues]
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
    # By the account's name (contacts without an account together at one end), then id.
    COMPANY = "company"
    COMPANY_DESC = "-company"
    # Stages in funnel order, owners by name (unassigned last), the latest touch (none last).
    STAGE = "stage"
    STAGE_DESC = "-stage"
    OWNER = "owner"
    OWNER_DESC = "-owner"
    LAST_TOUCH_AT = "last_touch_at"
    LAST_TOUCH_AT_DESC = "-last_touch_at"

    @property
    def column(self) -> str:
        return self.value.removeprefix("-")

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")


class ContactColumn(StrEnum):
    """A column of the contact list a person may show or hide (the name is always shown)."""

    COMPANY = "company"
    STAGE = "stage"
    OWNER = "owner"
    SCORE = "score"
    BUYING_STAGE = "buying_stage"
    LAST_TOUCH = "last_touch"
    UPDATED = "updated"
    CREATED = "created"


class ContactFilters(ReadModel):
    """What narrows a contact list; also what a saved view stores."""

    id: list[RowId] = Field(
        default_factory=list, max_length=500, description="Only these contacts (a selection)."
    )
    stage: list[Stage] = Field(default_factory=list, description="One or many stages.")
    owner_id: list[UserRef] = Field(
        default_factory=list,
        max_length=100,
        description='One or many user ids or "unassigned": contacts of any of them.',
    )
    source: list[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    ] = Field(
        default_factory=list,
        max_length=50,
        description="One or many first-touch sources (google, webinar...): any of them.",
    )
    buying_stage: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]] = (
        Field(
            default_factory=list,
            max_length=20,
            description="One or many buying stages (keys: evaluating, deciding...): any of them.",
        )
    )
    account_id: RowId | None = None
    score_min: Int32 | None = None
    score_max: Int32 | None = None
    created_since: UtcDatetime | None = None
    updated_since: UtcDatetime | None = None
    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = Field(
        default=None, description="Free text over first and last name, email and account name."
    )
    is_target: bool | None = Field(default=None, description="Only contacts of target accounts.")
    where: list[Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]] = Field(
        default_factory=list,
        max_length=20,
        description=(
            "Conditions on custom fields, all of which must hold, each "
            "<field>:<op>[:<value>] (several values comma-separated): "
            "contact.custom.tier:in:gold,silver, account.custom.seats:gte:100, "
            "contact.custom.renewal:before:2024-03-14, contact.custom.partner:is_true. "
            "The operators a field's type allows are the scoring rules'."
        ),
    )

    @field_validator("where", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("id", "stage", "owner_id", "source", "buying_stage", mode="before")
    @classmethod
    def _listed(cls, value: object) -> object:
        """One value, several, or several comma-separated (a link's ``stage=lead,mql``)."""
        if value is None:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        listed: list[object] = []
        for item in values:
            if isinstance(item, str):
                listed += [part.strip() for part in item.split(",") if part.strip()]
            else:
                listed.append(item)
        return listed

    @field_validator("score_max")
    @classmethod
    def _range_can_match(cls, value: int | None, info: ValidationInfo) -> int | None:
        # A reversed range would silently list nothing: refused, saying why.
        low = info.data.get("score_min")
        if value is not None and low is not None and low > value:
            raise PydanticCustomError(
                "reversed_range",
                "the maximum score ({high}) is below the minimum ({low}): no contact can match",
                {"high": value, "low": low},
            )
        return value


class ConsentUpdate(InputModel):
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


class ConsentChangeRead(ReadModel):
    id: int
    contact_id: int
    field: str
    old_value: str | None
    new_value: str
    source: str
    text_shown: str | None
    by_user_id: int | None
    at: datetime


class Page(BaseModel):
    """The JSON shape of every keyset-paginated list."""

    next_cursor: str | None


class ContactPage(Page):
    items: list[ContactRead]


class AccountPage(Page):
    items: list[AccountRead]

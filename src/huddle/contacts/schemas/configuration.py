"""Custom field definitions and saved views."""

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

from huddle.contacts.schemas.records import ContactColumn, ContactFilters, ContactSort
from huddle.core.schemas import NOT_NULLABLE, InputModel, ReadModel

# --- custom fields and saved views ---------------------------------------------------------

CustomKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
Choices = list[
    Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
]


class CustomFieldDefinitionCreate(InputModel):
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


class CustomFieldDefinitionUpdate(InputModel):
    """Only the fields given change; neither may be null."""

    label: Annotated[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
        | None,
        NOT_NULLABLE,
    ] = None
    # Choices may be added or reordered; removing one in use would orphan stored values.
    choices: Annotated[Choices | None, NOT_NULLABLE] = None
    archived: Annotated[bool | None, NOT_NULLABLE] = Field(
        default=None,
        description="Archived fields keep their values and rules but are no longer offered.",
    )


class CustomFieldDefinitionRead(ReadModel):
    id: int
    entity: str
    key: str
    label: str
    field_type: str
    choices: list[str]
    archived: bool


COLUMNS_HELP = "The contact list's columns the view shows, in order (none given: all)."
SORT_FIELD_HELP = (
    "A contact custom field sorting the view instead of sort: contact.custom.<key> "
    "(-contact.custom.<key> descending)."
)


class SavedViewCreate(InputModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    shared: bool = False
    filters: ContactFilters = Field(default_factory=ContactFilters)
    sort: ContactSort = ContactSort.CREATED_AT_DESC
    sort_field: str | None = Field(default=None, max_length=80, description=SORT_FIELD_HELP)
    columns: list[ContactColumn] = Field(default_factory=list, description=COLUMNS_HELP)


class SavedViewRead(BaseModel):
    id: int
    name: str
    owner_id: int | None
    shared: bool
    filters: ContactFilters
    sort: ContactSort
    sort_field: str | None = Field(default=None, description=SORT_FIELD_HELP)
    columns: list[ContactColumn] = Field(default_factory=list, description=COLUMNS_HELP)
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
        sort_field = stored.pop("sort_field", None)
        columns = stored.pop("columns", [])
        names = ("id", "name", "owner_id", "shared", "created_at", "updated_at")
        own = {name: getattr(value, name) for name in names}
        view = {"filters": stored, "sort": sort, "sort_field": sort_field, "columns": columns}
        return own | view

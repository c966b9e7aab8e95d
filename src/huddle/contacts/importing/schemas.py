"""What the import API returns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
)

from huddle.contacts.importing.cleaning import DEFAULT_PLACEHOLDERS
from huddle.contacts.importing.mapping import KNOWN_FORMATS, known_format
from huddle.contacts.importing.reader import ENCODING_LABELS
from huddle.core.schemas import NOT_NULLABLE, InputModel, ReadModel

FORMAT_LABELS = {source.key: source.label for source in KNOWN_FORMATS} | {
    "manual": "Columns mapped by hand"
}


def source_label(source_format: str, mapping: Mapping[str, object] | None) -> str:
    """What an import's file was read as, for a person: a known export's label; for
    columns mapped by hand (the import page's wizard), the export they are, if any
    ("HubSpot contacts export, columns mapped by hand")."""
    label = FORMAT_LABELS.get(source_format, source_format)
    known = known_format(mapping) if source_format == "manual" and mapping else None
    return label if known is None else f"{known.label}, columns mapped by hand"


class ImportJobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    status: str = Field(
        description="queued, running, done, failed (the file cannot be read; see stop_reason) "
        "or interrupted (its process stopped; POST .../resume goes on from resume_line)"
    )
    source_format: str = Field(
        description="hubspot, salesforce_lead, salesforce_contact, huddle or manual"
    )
    mapping: dict[str, str] = Field(description="CSV header -> Huddle field, as applied")
    rows_total: int = Field(description="Rows read so far (all of them once done)")
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    rows_failed: int
    rows_reported: int = Field(
        description="Rows that went in with something to check (an owner nobody in Huddle "
        "is: the contact is unassigned), listed in errors.csv with why"
    )
    has_errors: bool = Field(description="Whether errors.csv has failed rows to download")
    by_user_id: int | None
    started_at: datetime
    finished_at: datetime | None
    encoding: str | None = Field(
        description="What the file is read as: utf-8, utf-8-sig (with a byte order mark), "
        "cp1252 (Windows-1252) or utf-16"
    )
    invalid_lines: int = Field(
        description="Lines of a UTF-8 file that are not UTF-8; each is reported as a failed row"
    )
    resume_line: int | None = Field(
        description="The line of the file the next unread row starts on (the header is line 1)"
    )
    stop_reason: str | None = Field(description="Why the import stopped before its end")
    dedupe_key: str = Field(
        description="What rows are matched to contacts by first: email (then external_id, "
        "for rows without email) or external_id (then email)"
    )
    clear_empty: bool = Field(
        description="Whether an empty cell of a mapped column clears the field of an existing "
        "contact (never the email, the external id, consent or the stage)"
    )
    placeholders: list[str] = Field(
        description="The cell values read as empty (compared trimmed, ignoring case)"
    )
    date_formats: dict[str, str] = Field(
        description="The date format found in each date column, by CSV header "
        "(strftime codes, 'iso' or 'epoch_ms')"
    )

    @field_validator("placeholders", mode="before")
    @classmethod
    def _no_list_is_the_defaults(cls, value: object) -> object:
        return list(DEFAULT_PLACEHOLDERS) if value is None else value

    @field_validator("date_formats", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_format_label(self) -> str:
        """The detected format in words ("HubSpot contacts export")."""
        return FORMAT_LABELS.get(self.source_format, self.source_format)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def encoding_label(self) -> str | None:
        """The encoding in words ("Windows-1252")."""
        return ENCODING_LABELS.get(self.encoding, self.encoding) if self.encoding else None


# --- the import wizard: preview, dry run, saved mappings ------------------------------------

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Token = Annotated[str, StringConstraints(min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
# {csv header: Huddle field}; null (or "") skips the column.
MappingBody = Annotated[
    dict[str, str | None],
    Field(
        description='{"csv header": "huddle field"}: a field of TARGETS (GET the preview for '
        'them), "custom.<key>" for a custom field, or null to skip the column'
    ),
]


class ImportMappingCreate(InputModel):
    name: Name
    mapping: MappingBody


class ImportMappingUpdate(InputModel):
    """Only the fields given change; neither may be null."""

    name: Annotated[Name | None, NOT_NULLABLE] = None
    mapping: Annotated[dict[str, str | None] | None, NOT_NULLABLE] = None


class ImportMappingRead(ReadModel):
    id: int
    name: str
    mapping: dict[str, str | None]
    by_user_id: int | None
    created_at: datetime
    updated_at: datetime


class TargetOption(BaseModel):
    value: str = Field(description='What a mapping names: "email", "custom.budget"...')
    label: str
    custom: bool = Field(description="A custom field of contacts")


class ColumnPreview(BaseModel):
    index: int
    header: str
    samples: list[str] = Field(description="The column's first values that say something")
    empty_cells: int = Field(description="Cells with nothing in them, in the whole file")
    placeholder_cells: int = Field(
        description='Cells holding a word that means "no value" ("N/A", "-", "null"...)'
    )
    suggested: str | None = Field(description="The field this column probably fills, if any")
    suggested_by: str | None = Field(
        description="hubspot, salesforce_lead... (a known export's column), name (the "
        "field's name or a synonym), similar (a close spelling) or custom (a custom field)"
    )
    inferred_type: Literal["text", "number", "date", "boolean", "choice"] = Field(
        description="The type a new custom field for this column would have"
    )
    inferred_choices: list[str] = Field(description="The choices, when the type is choice")


class ImportPreview(BaseModel):
    token: str = Field(description="Names the stored file in the next steps (yours alone)")
    filename: str
    encoding: str
    encoding_label: str
    separator: str = Field(
        default="commas",
        description="What the cells are separated by: commas, semicolons, tabs or bars (the "
        "one the header separates its names by, or a sep= first line's)",
    )
    rows: int = Field(description="Data rows in the file (the header not counted)")
    header: list[str]
    sample_rows: list[list[str]] = Field(description="The first rows, as the file has them")
    columns: list[ColumnPreview]
    detected_format: str | None = Field(
        description="hubspot, salesforce_lead, salesforce_contact or huddle when the header "
        "is a known export's"
    )
    suggested_mapping: dict[str, str | None]
    saved_mappings: list[ImportMappingRead] = Field(
        description="Saved mappings whose every mapped column the file has"
    )
    targets: list[TargetOption]


DayFirst = Annotated[
    bool | None,
    Field(
        description="Whether a date like 03/04/2024 is the 3rd of April (true) or March 4 "
        "(false), in the columns where no value tells; null: as the file's other date "
        "columns tell, else month first"
    ),
]


class ImportDryRunRequest(InputModel):
    token: Token
    mapping: MappingBody
    day_first: DayFirst = None


class ImportStartRequest(ImportDryRunRequest):
    save_as: Annotated[Name | None, Field(description="Save the mapping under this name")] = None


class RefusalReason(BaseModel):
    column: str = Field(description="The column at fault (empty: the row as a whole)")
    reason: str = Field(description="The reason, with the first row's own value")
    rows: int
    sample_lines: list[int] = Field(description="Lines of the file (the header is line 1)")


class ImportDryRun(BaseModel):
    rows_total: int
    would_create: int
    would_update: int
    unchanged: int
    refused: int
    reasons: list[RefusalReason] = Field(description="The most frequent reasons first")
    other_reasons: int = Field(description="Refused rows whose reasons are not listed")
    to_check: int = Field(
        default=0,
        description="Rows that would go in with something to check (an owner nobody in "
        "Huddle is: the contact goes in unassigned); counted in would_create/would_update",
    )
    to_check_reasons: list[RefusalReason] = Field(
        default_factory=list, description="Why those rows need a look, the most frequent first"
    )
    mapping: dict[str, str] = Field(description="CSV header -> Huddle field, as it would apply")
    dates_read: dict[str, str] = Field(
        default_factory=dict,
        description='How each date column\'s dates would be read, by header ("DD/MM/YYYY"): '
        "the format found over the file, said ambiguous when no value tells the day from "
        "the month",
    )
    dates_ambiguous: bool = Field(
        default=False,
        description="Whether a date column's values cannot tell the day from the month (send "
        "day_first to settle it)",
    )
    day_first: DayFirst = None

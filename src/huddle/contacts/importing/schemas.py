"""What the import API returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

from huddle.contacts.importing.cleaning import DEFAULT_PLACEHOLDERS
from huddle.contacts.importing.mapping import KNOWN_FORMATS
from huddle.contacts.importing.reader import ENCODING_LABELS

FORMAT_LABELS = {source.key: source.label for source in KNOWN_FORMATS} | {
    "manual": "Manual mapping"
}


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

"""What the import API returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field

from huddle.contacts.importing.mapping import KNOWN_FORMATS

FORMAT_LABELS = {source.key: source.label for source in KNOWN_FORMATS} | {
    "manual": "Manual mapping"
}


class ImportJobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    status: str = Field(description="queued, running, done or failed")
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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_format_label(self) -> str:
        """The detected format in words ("HubSpot contacts export")."""
        return FORMAT_LABELS.get(self.source_format, self.source_format)

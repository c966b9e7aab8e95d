from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_job_read_date_formats import ImportJobReadDateFormats
    from ..models.import_job_read_mapping import ImportJobReadMapping


T = TypeVar("T", bound="ImportJobRead")


@_attrs_define
class ImportJobRead:
    """
    Attributes:
        id (int):
        filename (str):
        status (str): queued, running, done, failed (the file cannot be read; see stop_reason) or interrupted (its
            process stopped; POST .../resume goes on from resume_line)
        source_format (str): hubspot, salesforce_lead, salesforce_contact, huddle or manual
        mapping (ImportJobReadMapping): CSV header -> Huddle field, as applied
        rows_total (int): Rows read so far (all of them once done)
        rows_created (int):
        rows_updated (int):
        rows_unchanged (int):
        rows_failed (int):
        rows_reported (int): Rows that went in with something to check (an owner nobody in Huddle is: the contact is
            unassigned), listed in errors.csv with why
        has_errors (bool): Whether errors.csv has failed rows to download
        by_user_id (int | None):
        started_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        encoding (None | str): What the file is read as: utf-8, utf-8-sig (with a byte order mark), cp1252
            (Windows-1252) or utf-16
        invalid_lines (int): Lines of a UTF-8 file that are not UTF-8; each is reported as a failed row
        resume_line (int | None): The line of the file the next unread row starts on (the header is line 1)
        stop_reason (None | str): Why the import stopped before its end
        dedupe_key (str): What rows are matched to contacts by first: email (then external_id, for rows without email)
            or external_id (then email)
        clear_empty (bool): Whether an empty cell of a mapped column clears the field of an existing contact (never the
            email, the external id, consent or the stage)
        placeholders (list[str]): The cell values read as empty (compared trimmed, ignoring case)
        date_formats (ImportJobReadDateFormats): The date format found in each date column, by CSV header (strftime
            codes, 'iso' or 'epoch_ms')
        source_format_label (str): The detected format in words ("HubSpot contacts export").
        encoding_label (None | str): The encoding in words ("Windows-1252").
    """

    id: int
    filename: str
    status: str
    source_format: str
    mapping: ImportJobReadMapping
    rows_total: int
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    rows_failed: int
    rows_reported: int
    has_errors: bool
    by_user_id: int | None
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    encoding: None | str
    invalid_lines: int
    resume_line: int | None
    stop_reason: None | str
    dedupe_key: str
    clear_empty: bool
    placeholders: list[str]
    date_formats: ImportJobReadDateFormats
    source_format_label: str
    encoding_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        filename = self.filename

        status = self.status

        source_format = self.source_format

        mapping = self.mapping.to_dict()

        rows_total = self.rows_total

        rows_created = self.rows_created

        rows_updated = self.rows_updated

        rows_unchanged = self.rows_unchanged

        rows_failed = self.rows_failed

        rows_reported = self.rows_reported

        has_errors = self.has_errors

        by_user_id: int | None
        by_user_id = self.by_user_id

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        encoding: None | str
        encoding = self.encoding

        invalid_lines = self.invalid_lines

        resume_line: int | None
        resume_line = self.resume_line

        stop_reason: None | str
        stop_reason = self.stop_reason

        dedupe_key = self.dedupe_key

        clear_empty = self.clear_empty

        placeholders = self.placeholders

        date_formats = self.date_formats.to_dict()

        source_format_label = self.source_format_label

        encoding_label: None | str
        encoding_label = self.encoding_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "filename": filename,
                "status": status,
                "source_format": source_format,
                "mapping": mapping,
                "rows_total": rows_total,
                "rows_created": rows_created,
                "rows_updated": rows_updated,
                "rows_unchanged": rows_unchanged,
                "rows_failed": rows_failed,
                "rows_reported": rows_reported,
                "has_errors": has_errors,
                "by_user_id": by_user_id,
                "started_at": started_at,
                "finished_at": finished_at,
                "encoding": encoding,
                "invalid_lines": invalid_lines,
                "resume_line": resume_line,
                "stop_reason": stop_reason,
                "dedupe_key": dedupe_key,
                "clear_empty": clear_empty,
                "placeholders": placeholders,
                "date_formats": date_formats,
                "source_format_label": source_format_label,
                "encoding_label": encoding_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_job_read_date_formats import ImportJobReadDateFormats  # noqa: PLC0415
        from ..models.import_job_read_mapping import ImportJobReadMapping  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        filename = d.pop("filename")

        status = d.pop("status")

        source_format = d.pop("source_format")

        mapping = ImportJobReadMapping.from_dict(d.pop("mapping"))

        rows_total = d.pop("rows_total")

        rows_created = d.pop("rows_created")

        rows_updated = d.pop("rows_updated")

        rows_unchanged = d.pop("rows_unchanged")

        rows_failed = d.pop("rows_failed")

        rows_reported = d.pop("rows_reported")

        has_errors = d.pop("has_errors")

        def _parse_by_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        by_user_id = _parse_by_user_id(d.pop("by_user_id"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_encoding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        encoding = _parse_encoding(d.pop("encoding"))

        invalid_lines = d.pop("invalid_lines")

        def _parse_resume_line(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        resume_line = _parse_resume_line(d.pop("resume_line"))

        def _parse_stop_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stop_reason = _parse_stop_reason(d.pop("stop_reason"))

        dedupe_key = d.pop("dedupe_key")

        clear_empty = d.pop("clear_empty")

        placeholders = cast(list[str], d.pop("placeholders"))

        date_formats = ImportJobReadDateFormats.from_dict(d.pop("date_formats"))

        source_format_label = d.pop("source_format_label")

        def _parse_encoding_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        encoding_label = _parse_encoding_label(d.pop("encoding_label"))

        import_job_read = cls(
            id=id,
            filename=filename,
            status=status,
            source_format=source_format,
            mapping=mapping,
            rows_total=rows_total,
            rows_created=rows_created,
            rows_updated=rows_updated,
            rows_unchanged=rows_unchanged,
            rows_failed=rows_failed,
            rows_reported=rows_reported,
            has_errors=has_errors,
            by_user_id=by_user_id,
            started_at=started_at,
            finished_at=finished_at,
            encoding=encoding,
            invalid_lines=invalid_lines,
            resume_line=resume_line,
            stop_reason=stop_reason,
            dedupe_key=dedupe_key,
            clear_empty=clear_empty,
            placeholders=placeholders,
            date_formats=date_formats,
            source_format_label=source_format_label,
            encoding_label=encoding_label,
        )

        import_job_read.additional_properties = d
        return import_job_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

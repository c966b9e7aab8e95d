from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_import_read_dates_read import FileImportReadDatesRead
    from ..models.row_problem_read import RowProblemRead


T = TypeVar("T", bound="FileImportRead")


@_attrs_define
class FileImportRead:
    """What an import did, row by row.

    Attributes:
        source_format (str): The export recognised (hubspot, salesforce, ...)
        rows (int):
        created (int):
        updated (int):
        unchanged (int):
        failed (int): Rows that did not go in (each in problems, with why)
        reported (int): Rows that went in with something to check (a won deal's contact that could not become a
            customer, an unknown owner or contact): in problems too
        contacts_moved (int): Contacts the import moved to another stage (a won deal's to Customer)
        problems (list[RowProblemRead]): The rows that failed or need a look, with why (the first 1,000)
        dates_read (FileImportReadDatesRead): How each date column's dates were read, by header ("DD/MM/YYYY"): the
            format found over the file, said ambiguous when no value tells the day from the month
        source_label (None | str | Unset): What the file was read as ("HubSpot deals export")
        left_out (int | Unset): Rows left out on purpose (an open task: nothing happened yet): in problems too, with why
            Default: 0.
    """

    source_format: str
    rows: int
    created: int
    updated: int
    unchanged: int
    failed: int
    reported: int
    contacts_moved: int
    problems: list[RowProblemRead]
    dates_read: FileImportReadDatesRead
    source_label: None | str | Unset = UNSET
    left_out: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_format = self.source_format

        rows = self.rows

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        failed = self.failed

        reported = self.reported

        contacts_moved = self.contacts_moved

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        dates_read = self.dates_read.to_dict()

        source_label: None | str | Unset
        if isinstance(self.source_label, Unset):
            source_label = UNSET
        else:
            source_label = self.source_label

        left_out = self.left_out

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source_format": source_format,
                "rows": rows,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "failed": failed,
                "reported": reported,
                "contacts_moved": contacts_moved,
                "problems": problems,
                "dates_read": dates_read,
            }
        )
        if source_label is not UNSET:
            field_dict["source_label"] = source_label
        if left_out is not UNSET:
            field_dict["left_out"] = left_out

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_import_read_dates_read import FileImportReadDatesRead  # noqa: PLC0415
        from ..models.row_problem_read import RowProblemRead  # noqa: PLC0415

        d = dict(src_dict)
        source_format = d.pop("source_format")

        rows = d.pop("rows")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        failed = d.pop("failed")

        reported = d.pop("reported")

        contacts_moved = d.pop("contacts_moved")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = RowProblemRead.from_dict(problems_item_data)

            problems.append(problems_item)

        dates_read = FileImportReadDatesRead.from_dict(d.pop("dates_read"))

        def _parse_source_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_label = _parse_source_label(d.pop("source_label", UNSET))

        left_out = d.pop("left_out", UNSET)

        file_import_read = cls(
            source_format=source_format,
            rows=rows,
            created=created,
            updated=updated,
            unchanged=unchanged,
            failed=failed,
            reported=reported,
            contacts_moved=contacts_moved,
            problems=problems,
            dates_read=dates_read,
            source_label=source_label,
            left_out=left_out,
        )

        file_import_read.additional_properties = d
        return file_import_read

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

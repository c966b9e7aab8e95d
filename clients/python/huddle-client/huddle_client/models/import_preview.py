from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.column_preview import ColumnPreview
    from ..models.import_mapping_read import ImportMappingRead
    from ..models.import_preview_suggested_mapping import ImportPreviewSuggestedMapping
    from ..models.target_option import TargetOption


T = TypeVar("T", bound="ImportPreview")


@_attrs_define
class ImportPreview:
    """
    Attributes:
        token (str): Names the stored file in the next steps (yours alone)
        filename (str):
        encoding (str):
        encoding_label (str):
        rows (int): Data rows in the file (the header not counted)
        header (list[str]):
        sample_rows (list[list[str]]): The first rows, as the file has them
        columns (list[ColumnPreview]):
        detected_format (None | str): hubspot, salesforce_lead, salesforce_contact or huddle when the header is a known
            export's
        suggested_mapping (ImportPreviewSuggestedMapping):
        saved_mappings (list[ImportMappingRead]): Saved mappings whose every mapped column the file has
        targets (list[TargetOption]):
        separator (str | Unset): What the cells are separated by: commas, semicolons, tabs or bars (the one the header
            separates its names by, or a sep= first line's) Default: 'commas'.
    """

    token: str
    filename: str
    encoding: str
    encoding_label: str
    rows: int
    header: list[str]
    sample_rows: list[list[str]]
    columns: list[ColumnPreview]
    detected_format: None | str
    suggested_mapping: ImportPreviewSuggestedMapping
    saved_mappings: list[ImportMappingRead]
    targets: list[TargetOption]
    separator: str | Unset = "commas"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        filename = self.filename

        encoding = self.encoding

        encoding_label = self.encoding_label

        rows = self.rows

        header = self.header

        sample_rows = []
        for sample_rows_item_data in self.sample_rows:
            sample_rows_item = sample_rows_item_data

            sample_rows.append(sample_rows_item)

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        detected_format: None | str
        detected_format = self.detected_format

        suggested_mapping = self.suggested_mapping.to_dict()

        saved_mappings = []
        for saved_mappings_item_data in self.saved_mappings:
            saved_mappings_item = saved_mappings_item_data.to_dict()
            saved_mappings.append(saved_mappings_item)

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        separator = self.separator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
                "filename": filename,
                "encoding": encoding,
                "encoding_label": encoding_label,
                "rows": rows,
                "header": header,
                "sample_rows": sample_rows,
                "columns": columns,
                "detected_format": detected_format,
                "suggested_mapping": suggested_mapping,
                "saved_mappings": saved_mappings,
                "targets": targets,
            }
        )
        if separator is not UNSET:
            field_dict["separator"] = separator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.column_preview import ColumnPreview  # noqa: PLC0415
        from ..models.import_mapping_read import ImportMappingRead  # noqa: PLC0415
        from ..models.import_preview_suggested_mapping import ImportPreviewSuggestedMapping  # noqa: PLC0415
        from ..models.target_option import TargetOption  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        filename = d.pop("filename")

        encoding = d.pop("encoding")

        encoding_label = d.pop("encoding_label")

        rows = d.pop("rows")

        header = cast(list[str], d.pop("header"))

        sample_rows = []
        _sample_rows = d.pop("sample_rows")
        for sample_rows_item_data in _sample_rows:
            sample_rows_item = cast(list[str], sample_rows_item_data)

            sample_rows.append(sample_rows_item)

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = ColumnPreview.from_dict(columns_item_data)

            columns.append(columns_item)

        def _parse_detected_format(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detected_format = _parse_detected_format(d.pop("detected_format"))

        suggested_mapping = ImportPreviewSuggestedMapping.from_dict(d.pop("suggested_mapping"))

        saved_mappings = []
        _saved_mappings = d.pop("saved_mappings")
        for saved_mappings_item_data in _saved_mappings:
            saved_mappings_item = ImportMappingRead.from_dict(saved_mappings_item_data)

            saved_mappings.append(saved_mappings_item)

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetOption.from_dict(targets_item_data)

            targets.append(targets_item)

        separator = d.pop("separator", UNSET)

        import_preview = cls(
            token=token,
            filename=filename,
            encoding=encoding,
            encoding_label=encoding_label,
            rows=rows,
            header=header,
            sample_rows=sample_rows,
            columns=columns,
            detected_format=detected_format,
            suggested_mapping=suggested_mapping,
            saved_mappings=saved_mappings,
            targets=targets,
            separator=separator,
        )

        import_preview.additional_properties = d
        return import_preview

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.column_preview_inferred_type import ColumnPreviewInferredType

T = TypeVar("T", bound="ColumnPreview")


@_attrs_define
class ColumnPreview:
    """
    Attributes:
        index (int):
        header (str):
        samples (list[str]): The column's first values that say something
        empty_cells (int): Cells with nothing in them, in the whole file
        placeholder_cells (int): Cells holding a word that means "no value" ("N/A", "-", "null"...)
        suggested (None | str): The field this column probably fills, if any
        suggested_by (None | str): hubspot, salesforce_lead... (a known export's column), name (the field's name or a
            synonym), similar (a close spelling) or custom (a custom field)
        inferred_type (ColumnPreviewInferredType): The type a new custom field for this column would have
        inferred_choices (list[str]): The choices, when the type is choice
    """

    index: int
    header: str
    samples: list[str]
    empty_cells: int
    placeholder_cells: int
    suggested: None | str
    suggested_by: None | str
    inferred_type: ColumnPreviewInferredType
    inferred_choices: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        header = self.header

        samples = self.samples

        empty_cells = self.empty_cells

        placeholder_cells = self.placeholder_cells

        suggested: None | str
        suggested = self.suggested

        suggested_by: None | str
        suggested_by = self.suggested_by

        inferred_type = self.inferred_type.value

        inferred_choices = self.inferred_choices

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "header": header,
                "samples": samples,
                "empty_cells": empty_cells,
                "placeholder_cells": placeholder_cells,
                "suggested": suggested,
                "suggested_by": suggested_by,
                "inferred_type": inferred_type,
                "inferred_choices": inferred_choices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        header = d.pop("header")

        samples = cast(list[str], d.pop("samples"))

        empty_cells = d.pop("empty_cells")

        placeholder_cells = d.pop("placeholder_cells")

        def _parse_suggested(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suggested = _parse_suggested(d.pop("suggested"))

        def _parse_suggested_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suggested_by = _parse_suggested_by(d.pop("suggested_by"))

        inferred_type = ColumnPreviewInferredType(d.pop("inferred_type"))

        inferred_choices = cast(list[str], d.pop("inferred_choices"))

        column_preview = cls(
            index=index,
            header=header,
            samples=samples,
            empty_cells=empty_cells,
            placeholder_cells=placeholder_cells,
            suggested=suggested,
            suggested_by=suggested_by,
            inferred_type=inferred_type,
            inferred_choices=inferred_choices,
        )

        column_preview.additional_properties = d
        return column_preview

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

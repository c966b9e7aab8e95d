from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.board_column import BoardColumn
    from ..models.board_totals import BoardTotals


T = TypeVar("T", bound="PipelineBoard")


@_attrs_define
class PipelineBoard:
    """
    Attributes:
        columns (list[BoardColumn]):
        totals (BoardTotals):
    """

    columns: list[BoardColumn]
    totals: BoardTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "columns": columns,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_column import BoardColumn  # noqa: PLC0415
        from ..models.board_totals import BoardTotals  # noqa: PLC0415

        d = dict(src_dict)
        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = BoardColumn.from_dict(columns_item_data)

            columns.append(columns_item)

        totals = BoardTotals.from_dict(d.pop("totals"))

        pipeline_board = cls(
            columns=columns,
            totals=totals,
        )

        pipeline_board.additional_properties = d
        return pipeline_board

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

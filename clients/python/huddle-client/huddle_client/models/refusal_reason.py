from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RefusalReason")


@_attrs_define
class RefusalReason:
    """
    Attributes:
        column (str): The column at fault (empty: the row as a whole)
        reason (str): The reason, with the first row's own value
        rows (int):
        sample_lines (list[int]): Lines of the file (the header is line 1)
    """

    column: str
    reason: str
    rows: int
    sample_lines: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column = self.column

        reason = self.reason

        rows = self.rows

        sample_lines = self.sample_lines

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column": column,
                "reason": reason,
                "rows": rows,
                "sample_lines": sample_lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        column = d.pop("column")

        reason = d.pop("reason")

        rows = d.pop("rows")

        sample_lines = cast(list[int], d.pop("sample_lines"))

        refusal_reason = cls(
            column=column,
            reason=reason,
            rows=rows,
            sample_lines=sample_lines,
        )

        refusal_reason.additional_properties = d
        return refusal_reason

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

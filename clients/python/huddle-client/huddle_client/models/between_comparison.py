from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BetweenComparison")


@_attrs_define
class BetweenComparison:
    """
    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (Literal['between']):
        value (list[float]): [low, high], low ≤ high.
    """

    field: str
    op: Literal["between"]
    value: list[float]

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op

        value = []
        for value_item_data in self.value:
            value_item: float
            value_item = value_item_data
            value.append(value_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "op": op,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        op = cast(Literal["between"], d.pop("op"))
        if op != "between":
            raise ValueError(f"op must match const 'between', got '{op}'")

        value = []
        _value = d.pop("value")
        for value_item_data in _value:

            def _parse_value_item(data: object) -> float:
                return cast(float, data)

            value_item = _parse_value_item(value_item_data)

            value.append(value_item)

        between_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return between_comparison

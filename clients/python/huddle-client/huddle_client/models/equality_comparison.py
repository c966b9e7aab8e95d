from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.equality_comparison_op import EqualityComparisonOp

T = TypeVar("T", bound="EqualityComparison")


@_attrs_define
class EqualityComparison:
    """
    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (EqualityComparisonOp):
        value (float | str):
    """

    field: str
    op: EqualityComparisonOp
    value: float | str

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op.value

        value: float | str
        value = self.value

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

        op = EqualityComparisonOp(d.pop("op"))

        def _parse_value(data: object) -> float | str:
            return cast(float | str, data)

        value = _parse_value(d.pop("value"))

        equality_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return equality_comparison

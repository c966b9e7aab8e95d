from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_comparison_op import OrderComparisonOp

T = TypeVar("T", bound="OrderComparison")


@_attrs_define
class OrderComparison:
    """
    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (OrderComparisonOp):
        value (float):
    """

    field: str
    op: OrderComparisonOp
    value: float

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op.value

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

        op = OrderComparisonOp(d.pop("op"))

        value = d.pop("value")

        order_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return order_comparison

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.no_value_comparison_op import NoValueComparisonOp
from ..types import UNSET, Unset

T = TypeVar("T", bound="NoValueComparison")


@_attrs_define
class NoValueComparison:
    """``is_set``/``is_empty`` (text, numbers, lists) and ``is_true``/``is_false``.

    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (NoValueComparisonOp):
        value (None | Unset):
    """

    field: str
    op: NoValueComparisonOp
    value: None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op.value

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "op": op,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        op = NoValueComparisonOp(d.pop("op"))

        value = d.pop("value", UNSET)

        no_value_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return no_value_comparison

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.text_comparison_op import TextComparisonOp

T = TypeVar("T", bound="TextComparison")


@_attrs_define
class TextComparison:
    """
    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (TextComparisonOp):
        value (str): matches: a regular expression.
    """

    field: str
    op: TextComparisonOp
    value: str

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

        op = TextComparisonOp(d.pop("op"))

        value = d.pop("value")

        text_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return text_comparison

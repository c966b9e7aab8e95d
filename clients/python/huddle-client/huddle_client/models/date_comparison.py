from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.date_comparison_op import DateComparisonOp

T = TypeVar("T", bound="DateComparison")


@_attrs_define
class DateComparison:
    """A date custom field before or after a day (``YYYY-MM-DD``).

    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (DateComparisonOp):
        value (str):
    """

    field: str
    op: DateComparisonOp
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

        op = DateComparisonOp(d.pop("op"))

        value = d.pop("value")

        date_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return date_comparison

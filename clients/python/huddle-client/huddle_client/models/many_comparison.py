from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.many_comparison_op import ManyComparisonOp

T = TypeVar("T", bound="ManyComparison")


@_attrs_define
class ManyComparison:
    """
    Attributes:
        field (str): contact.* or account.* (e.g. account.employee_count), your custom fields as contact.custom.<key> or
            account.custom.<key> (GET /custom-fields); in touch filters touch.campaign_id, touch.asset_id or
            properties.<name>; in criteria also grade and score.<model id>
        op (ManyComparisonOp):
        value (list[float] | list[str]):
    """

    field: str
    op: ManyComparisonOp
    value: list[float] | list[str]

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op.value

        value: list[float] | list[str]
        if isinstance(self.value, list):
            value = self.value

        else:
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

        op = ManyComparisonOp(d.pop("op"))

        def _parse_value(data: object) -> list[float] | list[str]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_0 = cast(list[str], data)

                return value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            value_type_1 = cast(list[float], data)

            return value_type_1

        value = _parse_value(d.pop("value"))

        many_comparison = cls(
            field=field,
            op=op,
            value=value,
        )

        return many_comparison

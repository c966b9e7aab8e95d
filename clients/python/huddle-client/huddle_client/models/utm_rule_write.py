from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.utm_rule_write_field import UtmRuleWriteField
from ..models.utm_rule_write_operator import UtmRuleWriteOperator
from ..types import UNSET, Unset

T = TypeVar("T", bound="UtmRuleWrite")


@_attrs_define
class UtmRuleWrite:
    """
    Attributes:
        field (UtmRuleWriteField):
        value (str):
        operator (UtmRuleWriteOperator | Unset):  Default: UtmRuleWriteOperator.EQUALS.
        position (int | Unset):  Default: 0.
    """

    field: UtmRuleWriteField
    value: str
    operator: UtmRuleWriteOperator | Unset = UtmRuleWriteOperator.EQUALS
    position: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        value = self.value

        operator: str | Unset = UNSET
        if not isinstance(self.operator, Unset):
            operator = self.operator.value

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "value": value,
            }
        )
        if operator is not UNSET:
            field_dict["operator"] = operator
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = UtmRuleWriteField(d.pop("field"))

        value = d.pop("value")

        _operator = d.pop("operator", UNSET)
        operator: UtmRuleWriteOperator | Unset
        if isinstance(_operator, Unset):
            operator = UNSET
        else:
            operator = UtmRuleWriteOperator(_operator)

        position = d.pop("position", UNSET)

        utm_rule_write = cls(
            field=field,
            value=value,
            operator=operator,
            position=position,
        )

        return utm_rule_write

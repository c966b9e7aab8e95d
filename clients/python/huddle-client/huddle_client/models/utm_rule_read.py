from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.utm_rule_read_field import UtmRuleReadField
from ..models.utm_rule_read_operator import UtmRuleReadOperator

T = TypeVar("T", bound="UtmRuleRead")


@_attrs_define
class UtmRuleRead:
    """
    Attributes:
        id (int):
        campaign_id (int):
        field (UtmRuleReadField):
        operator (UtmRuleReadOperator):
        value (str):
        position (int):
    """

    id: int
    campaign_id: int
    field: UtmRuleReadField
    operator: UtmRuleReadOperator
    value: str
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        campaign_id = self.campaign_id

        field = self.field.value

        operator = self.operator.value

        value = self.value

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "campaign_id": campaign_id,
                "field": field,
                "operator": operator,
                "value": value,
                "position": position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        campaign_id = d.pop("campaign_id")

        field = UtmRuleReadField(d.pop("field"))

        operator = UtmRuleReadOperator(d.pop("operator"))

        value = d.pop("value")

        position = d.pop("position")

        utm_rule_read = cls(
            id=id,
            campaign_id=campaign_id,
            field=field,
            operator=operator,
            value=value,
            position=position,
        )

        utm_rule_read.additional_properties = d
        return utm_rule_read

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

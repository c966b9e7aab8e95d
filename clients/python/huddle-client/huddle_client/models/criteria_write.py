from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criteria_write_condition import CriteriaWriteCondition


T = TypeVar("T", bound="CriteriaWrite")


@_attrs_define
class CriteriaWrite:
    """
    Attributes:
        condition (CriteriaWriteCondition):
        automatic (bool | Unset):  Default: True.
    """

    condition: CriteriaWriteCondition
    automatic: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.to_dict()

        automatic = self.automatic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
            }
        )
        if automatic is not UNSET:
            field_dict["automatic"] = automatic

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria_write_condition import CriteriaWriteCondition  # noqa: PLC0415

        d = dict(src_dict)
        condition = CriteriaWriteCondition.from_dict(d.pop("condition"))

        automatic = d.pop("automatic", UNSET)

        criteria_write = cls(
            condition=condition,
            automatic=automatic,
        )

        criteria_write.additional_properties = d
        return criteria_write

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

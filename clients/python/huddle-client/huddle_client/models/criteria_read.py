from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criteria_read_condition import CriteriaReadCondition


T = TypeVar("T", bound="CriteriaRead")


@_attrs_define
class CriteriaRead:
    """
    Attributes:
        stage (str):
        version (int):
        condition (CriteriaReadCondition):
        automatic (bool):
        description (str | Unset):  Default: ''.
    """

    stage: str
    version: int
    condition: CriteriaReadCondition
    automatic: bool
    description: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        version = self.version

        condition = self.condition.to_dict()

        automatic = self.automatic

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "version": version,
                "condition": condition,
                "automatic": automatic,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria_read_condition import CriteriaReadCondition  # noqa: PLC0415

        d = dict(src_dict)
        stage = d.pop("stage")

        version = d.pop("version")

        condition = CriteriaReadCondition.from_dict(d.pop("condition"))

        automatic = d.pop("automatic")

        description = d.pop("description", UNSET)

        criteria_read = cls(
            stage=stage,
            version=version,
            condition=condition,
            automatic=automatic,
            description=description,
        )

        criteria_read.additional_properties = d
        return criteria_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.profile_read_kind import ProfileReadKind

if TYPE_CHECKING:
    from ..models.profile_criterion import ProfileCriterion


T = TypeVar("T", bound="ProfileRead")


@_attrs_define
class ProfileRead:
    """
    Attributes:
        id (int):
        kind (ProfileReadKind):
        name (str):
        version (int):
        criteria (list[ProfileCriterion]):
    """

    id: int
    kind: ProfileReadKind
    name: str
    version: int
    criteria: list[ProfileCriterion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        version = self.version

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "version": version,
                "criteria": criteria,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profile_criterion import ProfileCriterion  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = ProfileReadKind(d.pop("kind"))

        name = d.pop("name")

        version = d.pop("version")

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = ProfileCriterion.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        profile_read = cls(
            id=id,
            kind=kind,
            name=name,
            version=version,
            criteria=criteria,
        )

        profile_read.additional_properties = d
        return profile_read

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

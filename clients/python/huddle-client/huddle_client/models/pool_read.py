from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.member_read import MemberRead


T = TypeVar("T", bound="PoolRead")


@_attrs_define
class PoolRead:
    """
    Attributes:
        id (int):
        name (str):
        manager_id (int | None):
        picks (int):
        members (list[MemberRead]):
    """

    id: int
    name: str
    manager_id: int | None
    picks: int
    members: list[MemberRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        manager_id: int | None
        manager_id = self.manager_id

        picks = self.picks

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "manager_id": manager_id,
                "picks": picks,
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_read import MemberRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_manager_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        manager_id = _parse_manager_id(d.pop("manager_id"))

        picks = d.pop("picks")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberRead.from_dict(members_item_data)

            members.append(members_item)

        pool_read = cls(
            id=id,
            name=name,
            manager_id=manager_id,
            picks=picks,
            members=members,
        )

        pool_read.additional_properties = d
        return pool_read

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

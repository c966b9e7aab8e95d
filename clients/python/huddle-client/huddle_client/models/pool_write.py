from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_write import MemberWrite


T = TypeVar("T", bound="PoolWrite")


@_attrs_define
class PoolWrite:
    """
    Attributes:
        name (str):
        manager_id (int | None | Unset):
        members (list[MemberWrite] | Unset):
    """

    name: str
    manager_id: int | None | Unset = UNSET
    members: list[MemberWrite] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        manager_id: int | None | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_write import MemberWrite  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_manager_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        manager_id = _parse_manager_id(d.pop("manager_id", UNSET))

        _members = d.pop("members", UNSET)
        members: list[MemberWrite] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = MemberWrite.from_dict(members_item_data)

                members.append(members_item)

        pool_write = cls(
            name=name,
            manager_id=manager_id,
            members=members,
        )

        return pool_write

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_read_working_hours import UserReadWorkingHours


T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """
    Attributes:
        id (int):
        email (str):
        name (str):
        team (str):
        role (str):
        is_active (bool):
        manager_id (int | None | Unset):
        capacity (int | None | Unset):
        working_hours (UserReadWorkingHours | Unset):
        time_zone (str | Unset):  Default: 'UTC'.
        out_of_office (bool | Unset):  Default: False.
    """

    id: int
    email: str
    name: str
    team: str
    role: str
    is_active: bool
    manager_id: int | None | Unset = UNSET
    capacity: int | None | Unset = UNSET
    working_hours: UserReadWorkingHours | Unset = UNSET
    time_zone: str | Unset = "UTC"
    out_of_office: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        name = self.name

        team = self.team

        role = self.role

        is_active = self.is_active

        manager_id: int | None | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        working_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.working_hours, Unset):
            working_hours = self.working_hours.to_dict()

        time_zone = self.time_zone

        out_of_office = self.out_of_office

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "team": team,
                "role": role,
                "is_active": is_active,
            }
        )
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if working_hours is not UNSET:
            field_dict["working_hours"] = working_hours
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if out_of_office is not UNSET:
            field_dict["out_of_office"] = out_of_office

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_read_working_hours import UserReadWorkingHours  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        name = d.pop("name")

        team = d.pop("team")

        role = d.pop("role")

        is_active = d.pop("is_active")

        def _parse_manager_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        manager_id = _parse_manager_id(d.pop("manager_id", UNSET))

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

        _working_hours = d.pop("working_hours", UNSET)
        working_hours: UserReadWorkingHours | Unset
        if isinstance(_working_hours, Unset):
            working_hours = UNSET
        else:
            working_hours = UserReadWorkingHours.from_dict(_working_hours)

        time_zone = d.pop("time_zone", UNSET)

        out_of_office = d.pop("out_of_office", UNSET)

        user_read = cls(
            id=id,
            email=email,
            name=name,
            team=team,
            role=role,
            is_active=is_active,
            manager_id=manager_id,
            capacity=capacity,
            working_hours=working_hours,
            time_zone=time_zone,
            out_of_office=out_of_office,
        )

        user_read.additional_properties = d
        return user_read

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

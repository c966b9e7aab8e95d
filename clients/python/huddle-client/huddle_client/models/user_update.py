from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.working_week import WorkingWeek


T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """The fields given change; leave a field out to keep it.

    Attributes:
        name (None | str | Unset):
        team (None | str | Unset):
        role (None | str | Unset):
        manager_id (int | None | Unset):
        capacity (int | None | Unset):
        working_hours (WorkingWeek | Unset): A rep's working hours, one span a weekday (what ``check_working_hours``
            accepts).
        time_zone (None | str | Unset):
        out_of_office (bool | None | Unset):
        is_active (bool | None | Unset):
    """

    name: None | str | Unset = UNSET
    team: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    manager_id: int | None | Unset = UNSET
    capacity: int | None | Unset = UNSET
    working_hours: WorkingWeek | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    out_of_office: bool | None | Unset = UNSET
    is_active: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        team: None | str | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        else:
            team = self.team

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

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

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        out_of_office: bool | None | Unset
        if isinstance(self.out_of_office, Unset):
            out_of_office = UNSET
        else:
            out_of_office = self.out_of_office

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if team is not UNSET:
            field_dict["team"] = team
        if role is not UNSET:
            field_dict["role"] = role
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
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.working_week import WorkingWeek  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_team(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team = _parse_team(d.pop("team", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

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
        working_hours: WorkingWeek | Unset
        if isinstance(_working_hours, Unset):
            working_hours = UNSET
        else:
            working_hours = WorkingWeek.from_dict(_working_hours)

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        def _parse_out_of_office(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        out_of_office = _parse_out_of_office(d.pop("out_of_office", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        user_update = cls(
            name=name,
            team=team,
            role=role,
            manager_id=manager_id,
            capacity=capacity,
            working_hours=working_hours,
            time_zone=time_zone,
            out_of_office=out_of_office,
            is_active=is_active,
        )

        return user_update

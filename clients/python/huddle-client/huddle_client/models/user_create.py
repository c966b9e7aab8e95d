from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.working_week import WorkingWeek


T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        email (str):
        name (str):
        team (str):
        role (str):
        password (None | str | Unset):
        manager_id (int | None | Unset):
        capacity (int | None | Unset):
        working_hours (WorkingWeek | Unset): A rep's working hours, one span a weekday (what ``check_working_hours``
            accepts).
        time_zone (str | Unset):  Default: 'UTC'.
        out_of_office (bool | Unset):  Default: False.
    """

    email: str
    name: str
    team: str
    role: str
    password: None | str | Unset = UNSET
    manager_id: int | None | Unset = UNSET
    capacity: int | None | Unset = UNSET
    working_hours: WorkingWeek | Unset = UNSET
    time_zone: str | Unset = "UTC"
    out_of_office: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        team = self.team

        role = self.role

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

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

        field_dict.update(
            {
                "email": email,
                "name": name,
                "team": team,
                "role": role,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password
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
        from ..models.working_week import WorkingWeek  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        team = d.pop("team")

        role = d.pop("role")

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

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

        time_zone = d.pop("time_zone", UNSET)

        out_of_office = d.pop("out_of_office", UNSET)

        user_create = cls(
            email=email,
            name=name,
            team=team,
            role=role,
            password=password,
            manager_id=manager_id,
            capacity=capacity,
            working_hours=working_hours,
            time_zone=time_zone,
            out_of_office=out_of_office,
        )

        return user_create

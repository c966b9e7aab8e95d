from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.weekly_hours import WeeklyHours


T = TypeVar("T", bound="CalendarWrite")


@_attrs_define
class CalendarWrite:
    """
    Attributes:
        time_zone (str | Unset):  Default: 'UTC'.
        hours (WeeklyHours | Unset): Working hours per weekday, local to the calendar's time zone ("24:00" ends a day).
        holidays (list[str] | Unset):
    """

    time_zone: str | Unset = "UTC"
    hours: WeeklyHours | Unset = UNSET
    holidays: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time_zone = self.time_zone

        hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hours, Unset):
            hours = self.hours.to_dict()

        holidays: list[str] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = self.holidays

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if hours is not UNSET:
            field_dict["hours"] = hours
        if holidays is not UNSET:
            field_dict["holidays"] = holidays

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weekly_hours import WeeklyHours  # noqa: PLC0415

        d = dict(src_dict)
        time_zone = d.pop("time_zone", UNSET)

        _hours = d.pop("hours", UNSET)
        hours: WeeklyHours | Unset
        if isinstance(_hours, Unset):
            hours = UNSET
        else:
            hours = WeeklyHours.from_dict(_hours)

        holidays = cast(list[str], d.pop("holidays", UNSET))

        calendar_write = cls(
            time_zone=time_zone,
            hours=hours,
            holidays=holidays,
        )

        calendar_write.additional_properties = d
        return calendar_write

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.weekly_hours import WeeklyHours


T = TypeVar("T", bound="CalendarRead")


@_attrs_define
class CalendarRead:
    """
    Attributes:
        scope (str):
        time_zone (str):
        hours (WeeklyHours): Working hours per weekday, local to the calendar's time zone ("24:00" ends a day).
        holidays (list[str]):
    """

    scope: str
    time_zone: str
    hours: WeeklyHours
    holidays: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope

        time_zone = self.time_zone

        hours = self.hours.to_dict()

        holidays = self.holidays

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
                "time_zone": time_zone,
                "hours": hours,
                "holidays": holidays,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weekly_hours import WeeklyHours  # noqa: PLC0415

        d = dict(src_dict)
        scope = d.pop("scope")

        time_zone = d.pop("time_zone")

        hours = WeeklyHours.from_dict(d.pop("hours"))

        holidays = cast(list[str], d.pop("holidays"))

        calendar_read = cls(
            scope=scope,
            time_zone=time_zone,
            hours=hours,
            holidays=holidays,
        )

        calendar_read.additional_properties = d
        return calendar_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrendWeek")


@_attrs_define
class TrendWeek:
    """
    Attributes:
        week_start (datetime.datetime): Monday 00:00 UTC of the week clocks started in
        met (int):
        breached (int):
        percent (float | None): Met of decided; null when none is decided
    """

    week_start: datetime.datetime
    met: int
    breached: int
    percent: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        week_start = self.week_start.isoformat()

        met = self.met

        breached = self.breached

        percent: float | None
        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "week_start": week_start,
                "met": met,
                "breached": breached,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        week_start = datetime.datetime.fromisoformat(d.pop("week_start"))

        met = d.pop("met")

        breached = d.pop("breached")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        trend_week = cls(
            week_start=week_start,
            met=met,
            breached=breached,
            percent=percent,
        )

        trend_week.additional_properties = d
        return trend_week

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

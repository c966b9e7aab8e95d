from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardOwnerTally")


@_attrs_define
class DashboardOwnerTally:
    """The clocks of the leads handed to one rep, or to the team queue.

    Attributes:
        met (int): Clocks met in time
        breached (int): Clocks breached (whether or not met later)
        open_ (int): Clocks still running, paused or warned
        percent (float | None): Met of met and breached, in percent to one decimal; null when none is decided yet
        owner_id (int | None): The rep's user id; null for the team queue
        label (str): The rep's name, or ``Team queue``
    """

    met: int
    breached: int
    open_: int
    percent: float | None
    owner_id: int | None
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        met = self.met

        breached = self.breached

        open_ = self.open_

        percent: float | None
        percent = self.percent

        owner_id: int | None
        owner_id = self.owner_id

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "met": met,
                "breached": breached,
                "open": open_,
                "percent": percent,
                "owner_id": owner_id,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        met = d.pop("met")

        breached = d.pop("breached")

        open_ = d.pop("open")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        label = d.pop("label")

        dashboard_owner_tally = cls(
            met=met,
            breached=breached,
            open_=open_,
            percent=percent,
            owner_id=owner_id,
            label=label,
        )

        dashboard_owner_tally.additional_properties = d
        return dashboard_owner_tally

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

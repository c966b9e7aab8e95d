from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exit_row import ExitRow
    from ..models.velocity_pair import VelocityPair


T = TypeVar("T", bound="VelocityRead")


@_attrs_define
class VelocityRead:
    """
    Attributes:
        start (datetime.date): First day of the range (in ``time_zone``)
        end (datetime.date): Last day of the range, included (in ``time_zone``)
        time_zone (str): The workspace's time zone days and months are read in: the company SLA calendar's, else UTC
        pairs (list[VelocityPair]):
        buckets (list[str]): The distribution's buckets, e.g. ``1-3 d``
        exits (list[ExitRow]): Where contacts leave or stall, by stage
        stall_days (int):
    """

    start: datetime.date
    end: datetime.date
    time_zone: str
    pairs: list[VelocityPair]
    buckets: list[str]
    exits: list[ExitRow]
    stall_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        time_zone = self.time_zone

        pairs = []
        for pairs_item_data in self.pairs:
            pairs_item = pairs_item_data.to_dict()
            pairs.append(pairs_item)

        buckets = self.buckets

        exits = []
        for exits_item_data in self.exits:
            exits_item = exits_item_data.to_dict()
            exits.append(exits_item)

        stall_days = self.stall_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "time_zone": time_zone,
                "pairs": pairs,
                "buckets": buckets,
                "exits": exits,
                "stall_days": stall_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exit_row import ExitRow  # noqa: PLC0415
        from ..models.velocity_pair import VelocityPair  # noqa: PLC0415

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        time_zone = d.pop("time_zone")

        pairs = []
        _pairs = d.pop("pairs")
        for pairs_item_data in _pairs:
            pairs_item = VelocityPair.from_dict(pairs_item_data)

            pairs.append(pairs_item)

        buckets = cast(list[str], d.pop("buckets"))

        exits = []
        _exits = d.pop("exits")
        for exits_item_data in _exits:
            exits_item = ExitRow.from_dict(exits_item_data)

            exits.append(exits_item)

        stall_days = d.pop("stall_days")

        velocity_read = cls(
            start=start,
            end=end,
            time_zone=time_zone,
            pairs=pairs,
            buckets=buckets,
            exits=exits,
            stall_days=stall_days,
        )

        velocity_read.additional_properties = d
        return velocity_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChannelCredit")


@_attrs_define
class ChannelCredit:
    """
    Attributes:
        channel (str):
        pipeline (float):
        revenue (float):
        cost (float):
        roi (float | None):
    """

    channel: str
    pipeline: float
    revenue: float
    cost: float
    roi: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        pipeline = self.pipeline

        revenue = self.revenue

        cost = self.cost

        roi: float | None
        roi = self.roi

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "pipeline": pipeline,
                "revenue": revenue,
                "cost": cost,
                "roi": roi,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel")

        pipeline = d.pop("pipeline")

        revenue = d.pop("revenue")

        cost = d.pop("cost")

        def _parse_roi(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        roi = _parse_roi(d.pop("roi"))

        channel_credit = cls(
            channel=channel,
            pipeline=pipeline,
            revenue=revenue,
            cost=cost,
            roi=roi,
        )

        channel_credit.additional_properties = d
        return channel_credit

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

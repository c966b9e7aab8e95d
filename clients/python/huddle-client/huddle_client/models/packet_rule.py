from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PacketRule")


@_attrs_define
class PacketRule:
    """
    Attributes:
        rule (str):
        points (float):
        times (int):
    """

    rule: str
    points: float
    times: int

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        points = self.points

        times = self.times

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rule": rule,
                "points": points,
                "times": times,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        points = d.pop("points")

        times = d.pop("times")

        packet_rule = cls(
            rule=rule,
            points=points,
            times=times,
        )

        return packet_rule

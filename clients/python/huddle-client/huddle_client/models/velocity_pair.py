from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VelocityPair")


@_attrs_define
class VelocityPair:
    """
    Attributes:
        from_stage (str): A stage key, or ``first_touch``
        to_stage (str): A stage key
        label (str): e.g. ``MQL → SAL``
        count (int): Contacts measured (arrived in the range)
        median_seconds (float | None): Median time apart; null when none
        p80_seconds (float | None): 80th percentile; null when none
        mean_seconds (float | None): Mean; null when none
        distribution (list[int]): How many fall in each of ``buckets``
    """

    from_stage: str
    to_stage: str
    label: str
    count: int
    median_seconds: float | None
    p80_seconds: float | None
    mean_seconds: float | None
    distribution: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_stage = self.from_stage

        to_stage = self.to_stage

        label = self.label

        count = self.count

        median_seconds: float | None
        median_seconds = self.median_seconds

        p80_seconds: float | None
        p80_seconds = self.p80_seconds

        mean_seconds: float | None
        mean_seconds = self.mean_seconds

        distribution = self.distribution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_stage": from_stage,
                "to_stage": to_stage,
                "label": label,
                "count": count,
                "median_seconds": median_seconds,
                "p80_seconds": p80_seconds,
                "mean_seconds": mean_seconds,
                "distribution": distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_stage = d.pop("from_stage")

        to_stage = d.pop("to_stage")

        label = d.pop("label")

        count = d.pop("count")

        def _parse_median_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_seconds = _parse_median_seconds(d.pop("median_seconds"))

        def _parse_p80_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p80_seconds = _parse_p80_seconds(d.pop("p80_seconds"))

        def _parse_mean_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_seconds = _parse_mean_seconds(d.pop("mean_seconds"))

        distribution = cast(list[int], d.pop("distribution"))

        velocity_pair = cls(
            from_stage=from_stage,
            to_stage=to_stage,
            label=label,
            count=count,
            median_seconds=median_seconds,
            p80_seconds=p80_seconds,
            mean_seconds=mean_seconds,
            distribution=distribution,
        )

        velocity_pair.additional_properties = d
        return velocity_pair

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

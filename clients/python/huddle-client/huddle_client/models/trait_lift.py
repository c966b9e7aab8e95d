from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TraitLift")


@_attrs_define
class TraitLift:
    """
    Attributes:
        trait (str): What the contacts share: a built-in field (``seniority``), a custom field (``custom.<key>``) or a
            touch type had before converting (``touch``)
        trait_label (str):
        value (str): The field's value, or the touch type
        with_count (int): Contacts of the window with the trait
        with_converted (int): Of those, how many converted
        without_count (int): Contacts of the window without it
        without_converted (int): Of those, how many converted
        rate_with (float | None): with_converted / with_count (0..1)
        rate_without (float | None): without_converted / without_count (0..1)
        lift (float | None): rate_with over the window's base rate
        p_value (float | None): Two-sided p-value of a pooled two-proportion z-test, with vs without
        interval_low (float | None): Wilson 95% interval of rate_with, low end
        interval_high (float | None): Wilson 95% interval of rate_with, high end
    """

    trait: str
    trait_label: str
    value: str
    with_count: int
    with_converted: int
    without_count: int
    without_converted: int
    rate_with: float | None
    rate_without: float | None
    lift: float | None
    p_value: float | None
    interval_low: float | None
    interval_high: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trait = self.trait

        trait_label = self.trait_label

        value = self.value

        with_count = self.with_count

        with_converted = self.with_converted

        without_count = self.without_count

        without_converted = self.without_converted

        rate_with: float | None
        rate_with = self.rate_with

        rate_without: float | None
        rate_without = self.rate_without

        lift: float | None
        lift = self.lift

        p_value: float | None
        p_value = self.p_value

        interval_low: float | None
        interval_low = self.interval_low

        interval_high: float | None
        interval_high = self.interval_high

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trait": trait,
                "trait_label": trait_label,
                "value": value,
                "with_count": with_count,
                "with_converted": with_converted,
                "without_count": without_count,
                "without_converted": without_converted,
                "rate_with": rate_with,
                "rate_without": rate_without,
                "lift": lift,
                "p_value": p_value,
                "interval_low": interval_low,
                "interval_high": interval_high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        trait = d.pop("trait")

        trait_label = d.pop("trait_label")

        value = d.pop("value")

        with_count = d.pop("with_count")

        with_converted = d.pop("with_converted")

        without_count = d.pop("without_count")

        without_converted = d.pop("without_converted")

        def _parse_rate_with(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate_with = _parse_rate_with(d.pop("rate_with"))

        def _parse_rate_without(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate_without = _parse_rate_without(d.pop("rate_without"))

        def _parse_lift(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lift = _parse_lift(d.pop("lift"))

        def _parse_p_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p_value = _parse_p_value(d.pop("p_value"))

        def _parse_interval_low(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        interval_low = _parse_interval_low(d.pop("interval_low"))

        def _parse_interval_high(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        interval_high = _parse_interval_high(d.pop("interval_high"))

        trait_lift = cls(
            trait=trait,
            trait_label=trait_label,
            value=value,
            with_count=with_count,
            with_converted=with_converted,
            without_count=without_count,
            without_converted=without_converted,
            rate_with=rate_with,
            rate_without=rate_without,
            lift=lift,
            p_value=p_value,
            interval_low=interval_low,
            interval_high=interval_high,
        )

        trait_lift.additional_properties = d
        return trait_lift

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

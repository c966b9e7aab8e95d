from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScoreBucket")


@_attrs_define
class ScoreBucket:
    """Contacts whose score (today's, in one model) falls in [low, high).

    Attributes:
        low (int):
        high (int | None): null: the last bucket, low and above.
        converted (int): Reached SQL or beyond.
        not_converted (int):
    """

    low: int
    high: int | None
    converted: int
    not_converted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        low = self.low

        high: int | None
        high = self.high

        converted = self.converted

        not_converted = self.not_converted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "low": low,
                "high": high,
                "converted": converted,
                "not_converted": not_converted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        low = d.pop("low")

        def _parse_high(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        high = _parse_high(d.pop("high"))

        converted = d.pop("converted")

        not_converted = d.pop("not_converted")

        score_bucket = cls(
            low=low,
            high=high,
            converted=converted,
            not_converted=not_converted,
        )

        score_bucket.additional_properties = d
        return score_bucket

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

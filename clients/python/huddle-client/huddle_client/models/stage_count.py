from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StageCount")


@_attrs_define
class StageCount:
    """
    Attributes:
        stage (str): The funnel stage's key, e.g. ``mql``
        label (str): The stage as the pages name it
        count (int): Contacts that reached the stage (see the counting rules)
        conversion_percent (float | None): ``count`` of the previous stage's, in percent; null for the first stage or
            when the previous stage's count is 0
        of_first_percent (float | None): ``count`` of the first stage's, in percent; null when that is 0
    """

    stage: str
    label: str
    count: int
    conversion_percent: float | None
    of_first_percent: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        label = self.label

        count = self.count

        conversion_percent: float | None
        conversion_percent = self.conversion_percent

        of_first_percent: float | None
        of_first_percent = self.of_first_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "label": label,
                "count": count,
                "conversion_percent": conversion_percent,
                "of_first_percent": of_first_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = d.pop("stage")

        label = d.pop("label")

        count = d.pop("count")

        def _parse_conversion_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion_percent = _parse_conversion_percent(d.pop("conversion_percent"))

        def _parse_of_first_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        of_first_percent = _parse_of_first_percent(d.pop("of_first_percent"))

        stage_count = cls(
            stage=stage,
            label=label,
            count=count,
            conversion_percent=conversion_percent,
            of_first_percent=of_first_percent,
        )

        stage_count.additional_properties = d
        return stage_count

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

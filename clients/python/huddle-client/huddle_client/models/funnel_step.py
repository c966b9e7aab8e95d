from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FunnelStep")


@_attrs_define
class FunnelStep:
    """
    Attributes:
        stage (str): The lifecycle stage's key, e.g. ``mql``
        label (str): The stage as the pages name it, e.g. ``MQL``
        count (int): Contacts that entered the stage in the window
        share (float): ``count`` of the widest step's, 0 to 1 (the bar's length)
        conversion_percent (int | None): ``count`` of the step before it, in percent (may pass 100 when contacts skip a
            stage); null for the first step
    """

    stage: str
    label: str
    count: int
    share: float
    conversion_percent: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        label = self.label

        count = self.count

        share = self.share

        conversion_percent: int | None
        conversion_percent = self.conversion_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "label": label,
                "count": count,
                "share": share,
                "conversion_percent": conversion_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = d.pop("stage")

        label = d.pop("label")

        count = d.pop("count")

        share = d.pop("share")

        def _parse_conversion_percent(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        conversion_percent = _parse_conversion_percent(d.pop("conversion_percent"))

        funnel_step = cls(
            stage=stage,
            label=label,
            count=count,
            share=share,
            conversion_percent=conversion_percent,
        )

        funnel_step.additional_properties = d
        return funnel_step

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

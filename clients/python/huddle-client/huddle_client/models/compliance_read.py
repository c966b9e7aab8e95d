from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ComplianceRead")


@_attrs_define
class ComplianceRead:
    """
    Attributes:
        key (int | None | str):
        label (str):
        met (int):
        breached (int):
        open_ (int):
        percent (float | None):
    """

    key: int | None | str
    label: str
    met: int
    breached: int
    open_: int
    percent: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key: int | None | str
        key = self.key

        label = self.label

        met = self.met

        breached = self.breached

        open_ = self.open_

        percent: float | None
        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "met": met,
                "breached": breached,
                "open": open_,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_key(data: object) -> int | None | str:
            if data is None:
                return data
            return cast(int | None | str, data)

        key = _parse_key(d.pop("key"))

        label = d.pop("label")

        met = d.pop("met")

        breached = d.pop("breached")

        open_ = d.pop("open")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        compliance_read = cls(
            key=key,
            label=label,
            met=met,
            breached=breached,
            open_=open_,
            percent=percent,
        )

        compliance_read.additional_properties = d
        return compliance_read

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

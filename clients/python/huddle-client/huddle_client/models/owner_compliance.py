from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OwnerCompliance")


@_attrs_define
class OwnerCompliance:
    """
    Attributes:
        label (str):
        met (int):
        breached (int):
        open_ (int):
        percent (float | None):
        key (int | None): The rep's user id; null for the team queue.
        by (Literal['owner'] | Unset):  Default: 'owner'.
    """

    label: str
    met: int
    breached: int
    open_: int
    percent: float | None
    key: int | None
    by: Literal["owner"] | Unset = "owner"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        met = self.met

        breached = self.breached

        open_ = self.open_

        percent: float | None
        percent = self.percent

        key: int | None
        key = self.key

        by = self.by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "met": met,
                "breached": breached,
                "open": open_,
                "percent": percent,
                "key": key,
            }
        )
        if by is not UNSET:
            field_dict["by"] = by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        met = d.pop("met")

        breached = d.pop("breached")

        open_ = d.pop("open")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        def _parse_key(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        key = _parse_key(d.pop("key"))

        by = cast(Literal["owner"] | Unset, d.pop("by", UNSET))
        if by != "owner" and not isinstance(by, Unset):
            raise ValueError(f"by must match const 'owner', got '{by}'")

        owner_compliance = cls(
            label=label,
            met=met,
            breached=breached,
            open_=open_,
            percent=percent,
            key=key,
            by=by,
        )

        owner_compliance.additional_properties = d
        return owner_compliance

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

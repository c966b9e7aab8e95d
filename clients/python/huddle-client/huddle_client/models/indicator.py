from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Indicator")


@_attrs_define
class Indicator:
    """A touch that says the contact is at a stage: of ``touch_type``, and when
    ``property`` is given, whose property contains ``contains`` (any case):
    ``page_view`` whose ``url`` contains ``/pricing``.

        Attributes:
            touch_type (str):
            property_ (None | str | Unset):
            contains (None | str | Unset):
    """

    touch_type: str
    property_: None | str | Unset = UNSET
    contains: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        touch_type = self.touch_type

        property_: None | str | Unset
        if isinstance(self.property_, Unset):
            property_ = UNSET
        else:
            property_ = self.property_

        contains: None | str | Unset
        if isinstance(self.contains, Unset):
            contains = UNSET
        else:
            contains = self.contains

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "touch_type": touch_type,
            }
        )
        if property_ is not UNSET:
            field_dict["property"] = property_
        if contains is not UNSET:
            field_dict["contains"] = contains

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        touch_type = d.pop("touch_type")

        def _parse_property_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_ = _parse_property_(d.pop("property", UNSET))

        def _parse_contains(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contains = _parse_contains(d.pop("contains", UNSET))

        indicator = cls(
            touch_type=touch_type,
            property_=property_,
            contains=contains,
        )

        return indicator

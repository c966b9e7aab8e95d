from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TouchPoint")


@_attrs_define
class TouchPoint:
    """
    Attributes:
        touch (str):
    """

    touch: str

    def to_dict(self) -> dict[str, Any]:
        touch = self.touch

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "touch": touch,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        touch = d.pop("touch")

        touch_point = cls(
            touch=touch,
        )

        return touch_point

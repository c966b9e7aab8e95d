from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberWrite")


@_attrs_define
class MemberWrite:
    """
    Attributes:
        user_id (int):
        weight (int | Unset):  Default: 1.
    """

    user_id: int
    weight: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_id": user_id,
            }
        )
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        weight = d.pop("weight", UNSET)

        member_write = cls(
            user_id=user_id,
            weight=weight,
        )

        return member_write

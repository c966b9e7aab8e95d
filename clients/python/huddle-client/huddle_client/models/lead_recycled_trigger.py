from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadRecycledTrigger")


@_attrs_define
class LeadRecycledTrigger:
    """
    Attributes:
        type_ (Literal['lead_recycled'] | Unset):  Default: 'lead_recycled'.
    """

    type_: Literal["lead_recycled"] | Unset = "lead_recycled"

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["lead_recycled"] | Unset, d.pop("type", UNSET))
        if type_ != "lead_recycled" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'lead_recycled', got '{type_}'")

        lead_recycled_trigger = cls(
            type_=type_,
        )

        return lead_recycled_trigger

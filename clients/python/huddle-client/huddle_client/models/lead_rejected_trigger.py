from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadRejectedTrigger")


@_attrs_define
class LeadRejectedTrigger:
    """
    Attributes:
        type_ (Literal['lead_rejected'] | Unset):  Default: 'lead_rejected'.
    """

    type_: Literal["lead_rejected"] | Unset = "lead_rejected"

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
        type_ = cast(Literal["lead_rejected"] | Unset, d.pop("type", UNSET))
        if type_ != "lead_rejected" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'lead_rejected', got '{type_}'")

        lead_rejected_trigger = cls(
            type_=type_,
        )

        return lead_rejected_trigger

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualTrigger")


@_attrs_define
class ManualTrigger:
    """Enrolled only through the API, the editor or another workflow's enrol step.

    Attributes:
        type_ (Literal['manual'] | Unset):  Default: 'manual'.
    """

    type_: Literal["manual"] | Unset = "manual"

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
        type_ = cast(Literal["manual"] | Unset, d.pop("type", UNSET))
        if type_ != "manual" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'manual', got '{type_}'")

        manual_trigger = cls(
            type_=type_,
        )

        return manual_trigger

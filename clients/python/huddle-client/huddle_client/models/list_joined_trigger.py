from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListJoinedTrigger")


@_attrs_define
class ListJoinedTrigger:
    """
    Attributes:
        list_id (int):
        type_ (Literal['list_joined'] | Unset):  Default: 'list_joined'.
    """

    list_id: int
    type_: Literal["list_joined"] | Unset = "list_joined"

    def to_dict(self) -> dict[str, Any]:
        list_id = self.list_id

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "list_id": list_id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_id = d.pop("list_id")

        type_ = cast(Literal["list_joined"] | Unset, d.pop("type", UNSET))
        if type_ != "list_joined" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'list_joined', got '{type_}'")

        list_joined_trigger = cls(
            list_id=list_id,
            type_=type_,
        )

        return list_joined_trigger

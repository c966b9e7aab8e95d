from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoveFromList")


@_attrs_define
class RemoveFromList:
    """
    Attributes:
        id (str):
        list_id (int):
        next_ (None | str | Unset):
        kind (Literal['remove_from_list'] | Unset):  Default: 'remove_from_list'.
    """

    id: str
    list_id: int
    next_: None | str | Unset = UNSET
    kind: Literal["remove_from_list"] | Unset = "remove_from_list"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        list_id = self.list_id

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "list_id": list_id,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        list_id = d.pop("list_id")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["remove_from_list"] | Unset, d.pop("kind", UNSET))
        if kind != "remove_from_list" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'remove_from_list', got '{kind}'")

        remove_from_list = cls(
            id=id,
            list_id=list_id,
            next_=next_,
            kind=kind,
        )

        return remove_from_list

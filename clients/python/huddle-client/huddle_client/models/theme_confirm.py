from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ThemeConfirm")


@_attrs_define
class ThemeConfirm:
    """
    Attributes:
        name (str): The theme's name as the product manager words it
        description (str | Unset):  Default: ''.
        item_ids (list[int] | Unset): Unassigned feedback items to give the new feature
    """

    name: str
    description: str | Unset = ""
    item_ids: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        item_ids: list[int] | Unset = UNSET
        if not isinstance(self.item_ids, Unset):
            item_ids = self.item_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if item_ids is not UNSET:
            field_dict["item_ids"] = item_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        item_ids = cast(list[int], d.pop("item_ids", UNSET))

        theme_confirm = cls(
            name=name,
            description=description,
            item_ids=item_ids,
        )

        return theme_confirm

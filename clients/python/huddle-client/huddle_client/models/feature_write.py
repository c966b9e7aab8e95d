from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureWrite")


@_attrs_define
class FeatureWrite:
    """
    Attributes:
        name (str):
        description (str | Unset):  Default: ''.
        archived (bool | Unset):  Default: False.
    """

    name: str
    description: str | Unset = ""
    archived: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        archived = self.archived

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if archived is not UNSET:
            field_dict["archived"] = archived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        archived = d.pop("archived", UNSET)

        feature_write = cls(
            name=name,
            description=description,
            archived=archived,
        )

        return feature_write

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteUpdate")


@_attrs_define
class SiteUpdate:
    """Only the fields given change; none may be null (send [] to empty a list).

    Attributes:
        name (str | Unset):
        allowed_origins (list[str] | Unset):
        allowed_redirects (list[str] | Unset):
    """

    name: str | Unset = UNSET
    allowed_origins: list[str] | Unset = UNSET
    allowed_redirects: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        allowed_origins: list[str] | Unset = UNSET
        if not isinstance(self.allowed_origins, Unset):
            allowed_origins = self.allowed_origins

        allowed_redirects: list[str] | Unset = UNSET
        if not isinstance(self.allowed_redirects, Unset):
            allowed_redirects = self.allowed_redirects

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if allowed_origins is not UNSET:
            field_dict["allowed_origins"] = allowed_origins
        if allowed_redirects is not UNSET:
            field_dict["allowed_redirects"] = allowed_redirects

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        allowed_origins = cast(list[str], d.pop("allowed_origins", UNSET))

        allowed_redirects = cast(list[str], d.pop("allowed_redirects", UNSET))

        site_update = cls(
            name=name,
            allowed_origins=allowed_origins,
            allowed_redirects=allowed_redirects,
        )

        return site_update

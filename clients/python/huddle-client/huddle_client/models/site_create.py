from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteCreate")


@_attrs_define
class SiteCreate:
    """
    Attributes:
        name (str):
        allowed_origins (list[str] | Unset): Origins that may send touches (CORS).
        allowed_redirects (list[str] | Unset): The only URLs a form may send people to afterwards.
    """

    name: str
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

        field_dict.update(
            {
                "name": name,
            }
        )
        if allowed_origins is not UNSET:
            field_dict["allowed_origins"] = allowed_origins
        if allowed_redirects is not UNSET:
            field_dict["allowed_redirects"] = allowed_redirects

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        allowed_origins = cast(list[str], d.pop("allowed_origins", UNSET))

        allowed_redirects = cast(list[str], d.pop("allowed_redirects", UNSET))

        site_create = cls(
            name=name,
            allowed_origins=allowed_origins,
            allowed_redirects=allowed_redirects,
        )

        return site_create

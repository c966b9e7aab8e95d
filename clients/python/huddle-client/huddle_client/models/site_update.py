from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteUpdate")


@_attrs_define
class SiteUpdate:
    """
    Attributes:
        name (None | str | Unset):
        allowed_origins (list[str] | None | Unset):
        allowed_redirects (list[str] | None | Unset):
    """

    name: None | str | Unset = UNSET
    allowed_origins: list[str] | None | Unset = UNSET
    allowed_redirects: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        allowed_origins: list[str] | None | Unset
        if isinstance(self.allowed_origins, Unset):
            allowed_origins = UNSET
        elif isinstance(self.allowed_origins, list):
            allowed_origins = self.allowed_origins

        else:
            allowed_origins = self.allowed_origins

        allowed_redirects: list[str] | None | Unset
        if isinstance(self.allowed_redirects, Unset):
            allowed_redirects = UNSET
        elif isinstance(self.allowed_redirects, list):
            allowed_redirects = self.allowed_redirects

        else:
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_allowed_origins(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_origins_type_0 = cast(list[str], data)

                return allowed_origins_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_origins = _parse_allowed_origins(d.pop("allowed_origins", UNSET))

        def _parse_allowed_redirects(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_redirects_type_0 = cast(list[str], data)

                return allowed_redirects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_redirects = _parse_allowed_redirects(d.pop("allowed_redirects", UNSET))

        site_update = cls(
            name=name,
            allowed_origins=allowed_origins,
            allowed_redirects=allowed_redirects,
        )

        return site_update

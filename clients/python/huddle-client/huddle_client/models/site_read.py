from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SiteRead")


@_attrs_define
class SiteRead:
    """
    Attributes:
        id (int):
        name (str):
        site_key (str): Public: it can only send touches, never read.
        allowed_origins (list[str]):
        allowed_redirects (list[str]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    site_key: str
    allowed_origins: list[str]
    allowed_redirects: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        site_key = self.site_key

        allowed_origins = self.allowed_origins

        allowed_redirects = self.allowed_redirects

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "site_key": site_key,
                "allowed_origins": allowed_origins,
                "allowed_redirects": allowed_redirects,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        site_key = d.pop("site_key")

        allowed_origins = cast(list[str], d.pop("allowed_origins"))

        allowed_redirects = cast(list[str], d.pop("allowed_redirects"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        site_read = cls(
            id=id,
            name=name,
            site_key=site_key,
            allowed_origins=allowed_origins,
            allowed_redirects=allowed_redirects,
            created_at=created_at,
            updated_at=updated_at,
        )

        site_read.additional_properties = d
        return site_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.asset_write_kind import AssetWriteKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetWrite")


@_attrs_define
class AssetWrite:
    """
    Attributes:
        title (str):
        url (str):
        kind (AssetWriteKind | Unset):  Default: AssetWriteKind.OTHER.
    """

    title: str
    url: str
    kind: AssetWriteKind | Unset = AssetWriteKind.OTHER

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        url = self.url

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "url": url,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        url = d.pop("url")

        _kind = d.pop("kind", UNSET)
        kind: AssetWriteKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = AssetWriteKind(_kind)

        asset_write = cls(
            title=title,
            url=url,
            kind=kind,
        )

        return asset_write

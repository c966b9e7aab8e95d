from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookCreate")


@_attrs_define
class WebhookCreate:
    """
    Attributes:
        name (str):
        url (str):
        secret (str): At least 16 characters; signs each body.
        kinds (list[str] | Unset): Notification kinds; empty = all.
        active (bool | Unset):  Default: True.
    """

    name: str
    url: str
    secret: str
    kinds: list[str] | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        url = self.url

        secret = self.secret

        kinds: list[str] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = self.kinds

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "url": url,
                "secret": secret,
            }
        )
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        url = d.pop("url")

        secret = d.pop("secret")

        kinds = cast(list[str], d.pop("kinds", UNSET))

        active = d.pop("active", UNSET)

        webhook_create = cls(
            name=name,
            url=url,
            secret=secret,
            kinds=kinds,
            active=active,
        )

        return webhook_create

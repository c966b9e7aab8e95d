from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PacketConsumed")


@_attrs_define
class PacketConsumed:
    """A touch the lead had (a page, an asset, a webinar...), newest first.

    Attributes:
        type_ (str):
        label (str):
        what (str): What it was about: a page's title, an asset's name...
        at (datetime.datetime):
    """

    type_: str
    label: str
    what: str
    at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        label = self.label

        what = self.what

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "label": label,
                "what": what,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        label = d.pop("label")

        what = d.pop("what")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        packet_consumed = cls(
            type_=type_,
            label=label,
            what=what,
            at=at,
        )

        return packet_consumed

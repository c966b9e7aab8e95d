from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.packet_rule import PacketRule


T = TypeVar("T", bound="PacketScore")


@_attrs_define
class PacketScore:
    """
    Attributes:
        model (str):
        total (float):
        primary (bool):
        top (list[PacketRule]): The rules that gave most points, at most 5.
    """

    model: str
    total: float
    primary: bool
    top: list[PacketRule]

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        total = self.total

        primary = self.primary

        top = []
        for top_item_data in self.top:
            top_item = top_item_data.to_dict()
            top.append(top_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "total": total,
                "primary": primary,
                "top": top,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.packet_rule import PacketRule  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        total = d.pop("total")

        primary = d.pop("primary")

        top = []
        _top = d.pop("top")
        for top_item_data in _top:
            top_item = PacketRule.from_dict(top_item_data)

            top.append(top_item)

        packet_score = cls(
            model=model,
            total=total,
            primary=primary,
            top=top,
        )

        return packet_score

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlayStartWrite")


@_attrs_define
class PlayStartWrite:
    """
    Attributes:
        play_id (int):
    """

    play_id: int

    def to_dict(self) -> dict[str, Any]:
        play_id = self.play_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "play_id": play_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        play_id = d.pop("play_id")

        play_start_write = cls(
            play_id=play_id,
        )

        return play_start_write

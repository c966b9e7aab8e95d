from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StartPlay")


@_attrs_define
class StartPlay:
    """Start a play for the contact (unless it is running for them already).

    Attributes:
        id (str):
        play_id (int):
        next_ (None | str | Unset):
        kind (Literal['start_play'] | Unset):  Default: 'start_play'.
    """

    id: str
    play_id: int
    next_: None | str | Unset = UNSET
    kind: Literal["start_play"] | Unset = "start_play"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        play_id = self.play_id

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "play_id": play_id,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        play_id = d.pop("play_id")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["start_play"] | Unset, d.pop("kind", UNSET))
        if kind != "start_play" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'start_play', got '{kind}'")

        start_play = cls(
            id=id,
            play_id=play_id,
            next_=next_,
            kind=kind,
        )

        return start_play

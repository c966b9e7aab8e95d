from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WaitDuration")


@_attrs_define
class WaitDuration:
    """
    Attributes:
        id (str):
        minutes (int):
        next_ (None | str | Unset):
        kind (Literal['wait'] | Unset):  Default: 'wait'.
    """

    id: str
    minutes: int
    next_: None | str | Unset = UNSET
    kind: Literal["wait"] | Unset = "wait"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        minutes = self.minutes

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
                "minutes": minutes,
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

        minutes = d.pop("minutes")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["wait"] | Unset, d.pop("kind", UNSET))
        if kind != "wait" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'wait', got '{kind}'")

        wait_duration = cls(
            id=id,
            minutes=minutes,
            next_=next_,
            kind=kind,
        )

        return wait_duration

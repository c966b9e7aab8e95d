from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Notify")


@_attrs_define
class Notify:
    """
    Attributes:
        id (str):
        user_id (int):
        message (str):
        next_ (None | str | Unset):
        kind (Literal['notify'] | Unset):  Default: 'notify'.
    """

    id: str
    user_id: int
    message: str
    next_: None | str | Unset = UNSET
    kind: Literal["notify"] | Unset = "notify"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        message = self.message

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
                "user_id": user_id,
                "message": message,
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

        user_id = d.pop("user_id")

        message = d.pop("message")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["notify"] | Unset, d.pop("kind", UNSET))
        if kind != "notify" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'notify', got '{kind}'")

        notify = cls(
            id=id,
            user_id=user_id,
            message=message,
            next_=next_,
            kind=kind,
        )

        return notify

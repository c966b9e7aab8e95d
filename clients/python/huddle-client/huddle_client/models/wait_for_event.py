from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WaitForEvent")


@_attrs_define
class WaitForEvent:
    """Until the contact has a touch of ``touch_type`` (then ``next``), or ``timeout_hours``
    have passed (then ``timeout_next``).

        Attributes:
            id (str):
            touch_type (str):
            timeout_hours (int):
            next_ (None | str | Unset):
            kind (Literal['wait_event'] | Unset):  Default: 'wait_event'.
            timeout_next (None | str | Unset):
    """

    id: str
    touch_type: str
    timeout_hours: int
    next_: None | str | Unset = UNSET
    kind: Literal["wait_event"] | Unset = "wait_event"
    timeout_next: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        touch_type = self.touch_type

        timeout_hours = self.timeout_hours

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        timeout_next: None | str | Unset
        if isinstance(self.timeout_next, Unset):
            timeout_next = UNSET
        else:
            timeout_next = self.timeout_next

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "touch_type": touch_type,
                "timeout_hours": timeout_hours,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if timeout_next is not UNSET:
            field_dict["timeout_next"] = timeout_next

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        touch_type = d.pop("touch_type")

        timeout_hours = d.pop("timeout_hours")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["wait_event"] | Unset, d.pop("kind", UNSET))
        if kind != "wait_event" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'wait_event', got '{kind}'")

        def _parse_timeout_next(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timeout_next = _parse_timeout_next(d.pop("timeout_next", UNSET))

        wait_for_event = cls(
            id=id,
            touch_type=touch_type,
            timeout_hours=timeout_hours,
            next_=next_,
            kind=kind,
            timeout_next=timeout_next,
        )

        return wait_for_event

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WaitUntil")


@_attrs_define
class WaitUntil:
    """Until the next ``weekday`` (0 Monday) at ``hour`` in the contact's time zone: its
    ``time_zone`` custom field when set, else ``time_zone`` here.

        Attributes:
            id (str):
            weekday (int):
            hour (int):
            next_ (None | str | Unset):
            kind (Literal['wait_until'] | Unset):  Default: 'wait_until'.
            time_zone (str | Unset):  Default: 'UTC'.
    """

    id: str
    weekday: int
    hour: int
    next_: None | str | Unset = UNSET
    kind: Literal["wait_until"] | Unset = "wait_until"
    time_zone: str | Unset = "UTC"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        weekday = self.weekday

        hour = self.hour

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "weekday": weekday,
                "hour": hour,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        weekday = d.pop("weekday")

        hour = d.pop("hour")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["wait_until"] | Unset, d.pop("kind", UNSET))
        if kind != "wait_until" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'wait_until', got '{kind}'")

        time_zone = d.pop("time_zone", UNSET)

        wait_until = cls(
            id=id,
            weekday=weekday,
            hour=hour,
            next_=next_,
            kind=kind,
            time_zone=time_zone,
        )

        return wait_until

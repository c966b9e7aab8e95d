from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_filter import EventFilter


T = TypeVar("T", bound="BehaviourRule")


@_attrs_define
class BehaviourRule:
    """Points per touch matching ``event`` (decaying with the half-life), up to ``cap``.

    Attributes:
        kind (Literal['behaviour']):
        name (str):
        points (int):
        event (EventFilter): Touches of these types, optionally with property conditions, in the last N days.
        cap (int | None | Unset):
    """

    kind: Literal["behaviour"]
    name: str
    points: int
    event: EventFilter
    cap: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        name = self.name

        points = self.points

        event = self.event.to_dict()

        cap: int | None | Unset
        if isinstance(self.cap, Unset):
            cap = UNSET
        else:
            cap = self.cap

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "points": points,
                "event": event,
            }
        )
        if cap is not UNSET:
            field_dict["cap"] = cap

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_filter import EventFilter  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["behaviour"], d.pop("kind"))
        if kind != "behaviour":
            raise ValueError(f"kind must match const 'behaviour', got '{kind}'")

        name = d.pop("name")

        points = d.pop("points")

        event = EventFilter.from_dict(d.pop("event"))

        def _parse_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cap = _parse_cap(d.pop("cap", UNSET))

        behaviour_rule = cls(
            kind=kind,
            name=name,
            points=points,
            event=event,
            cap=cap,
        )

        return behaviour_rule

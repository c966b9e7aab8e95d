from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.event_point_event import EventPointEvent

T = TypeVar("T", bound="EventPoint")


@_attrs_define
class EventPoint:
    """
    Attributes:
        event (EventPointEvent):
    """

    event: EventPointEvent

    def to_dict(self) -> dict[str, Any]:
        event = self.event.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event": event,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event = EventPointEvent(d.pop("event"))

        event_point = cls(
            event=event,
        )

        return event_point

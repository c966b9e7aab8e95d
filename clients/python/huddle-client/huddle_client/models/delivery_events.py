from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.delivery_event import DeliveryEvent


T = TypeVar("T", bound="DeliveryEvents")


@_attrs_define
class DeliveryEvents:
    """
    Attributes:
        events (list[DeliveryEvent]):
    """

    events: list[DeliveryEvent]

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_event import DeliveryEvent  # noqa: PLC0415

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = DeliveryEvent.from_dict(events_item_data)

            events.append(events_item)

        delivery_events = cls(
            events=events,
        )

        return delivery_events

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_read_events_item import WebhookReadEventsItem

T = TypeVar("T", bound="WebhookRead")


@_attrs_define
class WebhookRead:
    """
    Attributes:
        id (int):
        name (str):
        url (str):
        events (list[WebhookReadEventsItem]):
        kinds (list[str]):
        active (bool):
    """

    id: int
    name: str
    url: str
    events: list[WebhookReadEventsItem]
    kinds: list[str]
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        kinds = self.kinds

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "url": url,
                "events": events,
                "kinds": kinds,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = WebhookReadEventsItem(events_item_data)

            events.append(events_item)

        kinds = cast(list[str], d.pop("kinds"))

        active = d.pop("active")

        webhook_read = cls(
            id=id,
            name=name,
            url=url,
            events=events,
            kinds=kinds,
            active=active,
        )

        webhook_read.additional_properties = d
        return webhook_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

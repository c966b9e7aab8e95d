from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_update_events_item import WebhookUpdateEventsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookUpdate")


@_attrs_define
class WebhookUpdate:
    """Only the fields sent change; none may be null (send [] for every kind).

    Attributes:
        url (str | Unset):
        events (list[WebhookUpdateEventsItem] | Unset):
        kinds (list[str] | Unset):
        active (bool | Unset):
    """

    url: str | Unset = UNSET
    events: list[WebhookUpdateEventsItem] | Unset = UNSET
    kinds: list[str] | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        kinds: list[str] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = self.kinds

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _events = d.pop("events", UNSET)
        events: list[WebhookUpdateEventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = WebhookUpdateEventsItem(events_item_data)

                events.append(events_item)

        kinds = cast(list[str], d.pop("kinds", UNSET))

        active = d.pop("active", UNSET)

        webhook_update = cls(
            url=url,
            events=events,
            kinds=kinds,
            active=active,
        )

        return webhook_update

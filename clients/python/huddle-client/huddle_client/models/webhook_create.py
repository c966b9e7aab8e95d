from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_create_events_item import WebhookCreateEventsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookCreate")


@_attrs_define
class WebhookCreate:
    """
    Attributes:
        name (str):
        url (str):
        secret (str): At least 16 characters; signs each body.
        events (list[WebhookCreateEventsItem] | Unset): The catalogue's events to send (the spec's `webhooks` section).
        kinds (list[str] | Unset): Notification kinds `notification.created` sends; empty = all.
        active (bool | Unset):  Default: True.
    """

    name: str
    url: str
    secret: str
    events: list[WebhookCreateEventsItem] | Unset = UNSET
    kinds: list[str] | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        url = self.url

        secret = self.secret

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

        field_dict.update(
            {
                "name": name,
                "url": url,
                "secret": secret,
            }
        )
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
        name = d.pop("name")

        url = d.pop("url")

        secret = d.pop("secret")

        _events = d.pop("events", UNSET)
        events: list[WebhookCreateEventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = WebhookCreateEventsItem(events_item_data)

                events.append(events_item)

        kinds = cast(list[str], d.pop("kinds", UNSET))

        active = d.pop("active", UNSET)

        webhook_create = cls(
            name=name,
            url=url,
            secret=secret,
            events=events,
            kinds=kinds,
            active=active,
        )

        return webhook_create

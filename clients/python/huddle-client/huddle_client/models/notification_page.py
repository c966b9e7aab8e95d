from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_read import NotificationRead


T = TypeVar("T", bound="NotificationPage")


@_attrs_define
class NotificationPage:
    """My notifications, newest first; pass the last one's id as ``before`` for older ones.

    Attributes:
        unread (int):
        items (list[NotificationRead]):
    """

    unread: int
    items: list[NotificationRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unread = self.unread

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unread": unread,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_read import NotificationRead  # noqa: PLC0415

        d = dict(src_dict)
        unread = d.pop("unread")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = NotificationRead.from_dict(items_item_data)

            items.append(items_item)

        notification_page = cls(
            unread=unread,
            items=items,
        )

        notification_page.additional_properties = d
        return notification_page

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

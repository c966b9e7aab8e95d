from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.new_contact_data import NewContactData
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="ContactCreatedData")


@_attrs_define
class ContactCreatedData:
    """
    Attributes:
        contacts (list[NewContactData]): One, or an import's chunk.
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
    """

    contacts: list[NewContactData]
    actor: WebhookActor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        actor = self.actor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contacts": contacts,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_contact_data import NewContactData  # noqa: PLC0415
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = NewContactData.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        actor = WebhookActor.from_dict(d.pop("actor"))

        contact_created_data = cls(
            contacts=contacts,
            actor=actor,
        )

        contact_created_data.additional_properties = d
        return contact_created_data

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

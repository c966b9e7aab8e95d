from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="ContactChangedData")


@_attrs_define
class ContactChangedData:
    """What people entered about these contacts, or about these accounts (and so their
    contacts), changed. Read the contact through the API for its current values.

        Attributes:
            contact_ids (list[int]):
            account_ids (list[int]):
            actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
                system: the SLA clocks...).
    """

    contact_ids: list[int]
    account_ids: list[int]
    actor: WebhookActor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_ids = self.contact_ids

        account_ids = self.account_ids

        actor = self.actor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_ids": contact_ids,
                "account_ids": account_ids,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        contact_ids = cast(list[int], d.pop("contact_ids"))

        account_ids = cast(list[int], d.pop("account_ids"))

        actor = WebhookActor.from_dict(d.pop("actor"))

        contact_changed_data = cls(
            contact_ids=contact_ids,
            account_ids=account_ids,
            actor=actor,
        )

        contact_changed_data.additional_properties = d
        return contact_changed_data

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="ContactMergedData")


@_attrs_define
class ContactMergedData:
    """
    Attributes:
        survivor (ContactReference):
        merged_id (int): The contact that no longer exists.
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
    """

    survivor: ContactReference
    merged_id: int
    actor: WebhookActor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        survivor = self.survivor.to_dict()

        merged_id = self.merged_id

        actor = self.actor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "survivor": survivor,
                "merged_id": merged_id,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        survivor = ContactReference.from_dict(d.pop("survivor"))

        merged_id = d.pop("merged_id")

        actor = WebhookActor.from_dict(d.pop("actor"))

        contact_merged_data = cls(
            survivor=survivor,
            merged_id=merged_id,
            actor=actor,
        )

        contact_merged_data.additional_properties = d
        return contact_merged_data

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="HandoffDecidedData")


@_attrs_define
class HandoffDecidedData:
    """
    Attributes:
        handoff_id (int):
        contact (ContactReference):
        owner_id (int):
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
        reason (None | str | Unset): The rejection reason's code; none when accepted.
    """

    handoff_id: int
    contact: ContactReference
    owner_id: int
    actor: WebhookActor
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        handoff_id = self.handoff_id

        contact = self.contact.to_dict()

        owner_id = self.owner_id

        actor = self.actor.to_dict()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "handoff_id": handoff_id,
                "contact": contact,
                "owner_id": owner_id,
                "actor": actor,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        handoff_id = d.pop("handoff_id")

        contact = ContactReference.from_dict(d.pop("contact"))

        owner_id = d.pop("owner_id")

        actor = WebhookActor.from_dict(d.pop("actor"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        handoff_decided_data = cls(
            handoff_id=handoff_id,
            contact=contact,
            owner_id=owner_id,
            actor=actor,
            reason=reason,
        )

        handoff_decided_data.additional_properties = d
        return handoff_decided_data

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

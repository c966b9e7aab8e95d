from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="LeadRecycledData")


@_attrs_define
class LeadRecycledData:
    """
    Attributes:
        contact (ContactReference):
        reason (str):
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
        handoff_id (int | None | Unset):
    """

    contact: ContactReference
    reason: str
    actor: WebhookActor
    handoff_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        reason = self.reason

        actor = self.actor.to_dict()

        handoff_id: int | None | Unset
        if isinstance(self.handoff_id, Unset):
            handoff_id = UNSET
        else:
            handoff_id = self.handoff_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact": contact,
                "reason": reason,
                "actor": actor,
            }
        )
        if handoff_id is not UNSET:
            field_dict["handoff_id"] = handoff_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        contact = ContactReference.from_dict(d.pop("contact"))

        reason = d.pop("reason")

        actor = WebhookActor.from_dict(d.pop("actor"))

        def _parse_handoff_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        handoff_id = _parse_handoff_id(d.pop("handoff_id", UNSET))

        lead_recycled_data = cls(
            contact=contact,
            reason=reason,
            actor=actor,
            handoff_id=handoff_id,
        )

        lead_recycled_data.additional_properties = d
        return lead_recycled_data

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

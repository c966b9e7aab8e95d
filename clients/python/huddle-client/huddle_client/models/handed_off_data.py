from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="HandedOffData")


@_attrs_define
class HandedOffData:
    """
    Attributes:
        handoff_id (int):
        contact (ContactReference):
        team (str):
        rule (str): The routing rule that decided, e.g. "territory:EMEA".
        reason (str): Why this owner, in words.
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
        owner_id (int | None | Unset): The rep; none when the lead waits in a team queue.
    """

    handoff_id: int
    contact: ContactReference
    team: str
    rule: str
    reason: str
    actor: WebhookActor
    owner_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        handoff_id = self.handoff_id

        contact = self.contact.to_dict()

        team = self.team

        rule = self.rule

        reason = self.reason

        actor = self.actor.to_dict()

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "handoff_id": handoff_id,
                "contact": contact,
                "team": team,
                "rule": rule,
                "reason": reason,
                "actor": actor,
            }
        )
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        handoff_id = d.pop("handoff_id")

        contact = ContactReference.from_dict(d.pop("contact"))

        team = d.pop("team")

        rule = d.pop("rule")

        reason = d.pop("reason")

        actor = WebhookActor.from_dict(d.pop("actor"))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        handed_off_data = cls(
            handoff_id=handoff_id,
            contact=contact,
            team=team,
            rule=rule,
            reason=reason,
            actor=actor,
            owner_id=owner_id,
        )

        handed_off_data.additional_properties = d
        return handed_off_data

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

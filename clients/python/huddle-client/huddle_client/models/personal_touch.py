from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.personal_touch_properties import PersonalTouchProperties


T = TypeVar("T", bound="PersonalTouch")


@_attrs_define
class PersonalTouch:
    """A touch in a person's data export: everything stored, the sender's idempotency
    scope and the payload's fingerprint too.

        Attributes:
            id (int):
            type_ (str):
            occurred_at (datetime.datetime):
            contact_id (int | None):
            visitor_id (None | str):
            account_id (int | None):
            actor_type (str):
            actor_user_id (int | None):
            properties (PersonalTouchProperties):
            campaign_id (int | None):
            asset_id (int | None):
            workflow_id (int | None):
            idempotency_key (None | str):
            created_at (datetime.datetime):
            idempotency_scope (None | str):
            idempotency_fingerprint (None | str):
    """

    id: int
    type_: str
    occurred_at: datetime.datetime
    contact_id: int | None
    visitor_id: None | str
    account_id: int | None
    actor_type: str
    actor_user_id: int | None
    properties: PersonalTouchProperties
    campaign_id: int | None
    asset_id: int | None
    workflow_id: int | None
    idempotency_key: None | str
    created_at: datetime.datetime
    idempotency_scope: None | str
    idempotency_fingerprint: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        occurred_at = self.occurred_at.isoformat()

        contact_id: int | None
        contact_id = self.contact_id

        visitor_id: None | str
        visitor_id = self.visitor_id

        account_id: int | None
        account_id = self.account_id

        actor_type = self.actor_type

        actor_user_id: int | None
        actor_user_id = self.actor_user_id

        properties = self.properties.to_dict()

        campaign_id: int | None
        campaign_id = self.campaign_id

        asset_id: int | None
        asset_id = self.asset_id

        workflow_id: int | None
        workflow_id = self.workflow_id

        idempotency_key: None | str
        idempotency_key = self.idempotency_key

        created_at = self.created_at.isoformat()

        idempotency_scope: None | str
        idempotency_scope = self.idempotency_scope

        idempotency_fingerprint: None | str
        idempotency_fingerprint = self.idempotency_fingerprint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "contact_id": contact_id,
                "visitor_id": visitor_id,
                "account_id": account_id,
                "actor_type": actor_type,
                "actor_user_id": actor_user_id,
                "properties": properties,
                "campaign_id": campaign_id,
                "asset_id": asset_id,
                "workflow_id": workflow_id,
                "idempotency_key": idempotency_key,
                "created_at": created_at,
                "idempotency_scope": idempotency_scope,
                "idempotency_fingerprint": idempotency_fingerprint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_touch_properties import PersonalTouchProperties  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_contact_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        def _parse_visitor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        visitor_id = _parse_visitor_id(d.pop("visitor_id"))

        def _parse_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        account_id = _parse_account_id(d.pop("account_id"))

        actor_type = d.pop("actor_type")

        def _parse_actor_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_user_id = _parse_actor_user_id(d.pop("actor_user_id"))

        properties = PersonalTouchProperties.from_dict(d.pop("properties"))

        def _parse_campaign_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        def _parse_asset_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        asset_id = _parse_asset_id(d.pop("asset_id"))

        def _parse_workflow_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id"))

        def _parse_idempotency_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_idempotency_scope(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        idempotency_scope = _parse_idempotency_scope(d.pop("idempotency_scope"))

        def _parse_idempotency_fingerprint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        idempotency_fingerprint = _parse_idempotency_fingerprint(d.pop("idempotency_fingerprint"))

        personal_touch = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            contact_id=contact_id,
            visitor_id=visitor_id,
            account_id=account_id,
            actor_type=actor_type,
            actor_user_id=actor_user_id,
            properties=properties,
            campaign_id=campaign_id,
            asset_id=asset_id,
            workflow_id=workflow_id,
            idempotency_key=idempotency_key,
            created_at=created_at,
            idempotency_scope=idempotency_scope,
            idempotency_fingerprint=idempotency_fingerprint,
        )

        personal_touch.additional_properties = d
        return personal_touch

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.touch_read_properties import TouchReadProperties


T = TypeVar("T", bound="TouchRead")


@_attrs_define
class TouchRead:
    """
    Attributes:
        id (int):
        type_ (str):
        occurred_at (datetime.datetime):
        contact_id (int | None):
        visitor_id (None | str):
        account_id (int | None):
        actor_type (str):
        actor_user_id (int | None):
        properties (TouchReadProperties):
        campaign_id (int | None):
        asset_id (int | None):
        workflow_id (int | None):
        idempotency_key (None | str):
        created_at (datetime.datetime):
    """

    id: int
    type_: str
    occurred_at: datetime.datetime
    contact_id: int | None
    visitor_id: None | str
    account_id: int | None
    actor_type: str
    actor_user_id: int | None
    properties: TouchReadProperties
    campaign_id: int | None
    asset_id: int | None
    workflow_id: int | None
    idempotency_key: None | str
    created_at: datetime.datetime
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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.touch_read_properties import TouchReadProperties  # noqa: PLC0415

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

        properties = TouchReadProperties.from_dict(d.pop("properties"))

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

        touch_read = cls(
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
        )

        touch_read.additional_properties = d
        return touch_read

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

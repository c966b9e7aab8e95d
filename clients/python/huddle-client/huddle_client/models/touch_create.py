from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.touch_create_properties import TouchCreateProperties


T = TypeVar("T", bound="TouchCreate")


@_attrs_define
class TouchCreate:
    """
    Attributes:
        type_ (str): What happened: a registered event type (GET /event-types), e.g. page_view, form_submitted,
            email_clicked, call_logged.
        occurred_at (datetime.datetime | None | Unset): Defaults to now.
        properties (TouchCreateProperties | Unset): utm_source, utm_medium, utm_campaign, referrer, landing_page/url,
            ...: each text, a number, true/false, null or a list of those (the event type's properties_schema says which it
            takes).
        campaign_id (int | None | Unset):
        asset_id (int | None | Unset):
        workflow_id (int | None | Unset):
        idempotency_key (None | str | Unset): A retried delivery with the same key is stored once; the key is the
            sender's (API token, else user): reused for another touch it is a 409.
        contact_id (int | None | Unset):
        visitor_id (None | str | Unset):
    """

    type_: str
    occurred_at: datetime.datetime | None | Unset = UNSET
    properties: TouchCreateProperties | Unset = UNSET
    campaign_id: int | None | Unset = UNSET
    asset_id: int | None | Unset = UNSET
    workflow_id: int | None | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    contact_id: int | None | Unset = UNSET
    visitor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        campaign_id: int | None | Unset
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        else:
            campaign_id = self.campaign_id

        asset_id: int | None | Unset
        if isinstance(self.asset_id, Unset):
            asset_id = UNSET
        else:
            asset_id = self.asset_id

        workflow_id: int | None | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = self.workflow_id

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        contact_id: int | None | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        visitor_id: None | str | Unset
        if isinstance(self.visitor_id, Unset):
            visitor_id = UNSET
        else:
            visitor_id = self.visitor_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if properties is not UNSET:
            field_dict["properties"] = properties
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if asset_id is not UNSET:
            field_dict["asset_id"] = asset_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if visitor_id is not UNSET:
            field_dict["visitor_id"] = visitor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.touch_create_properties import TouchCreateProperties  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        _properties = d.pop("properties", UNSET)
        properties: TouchCreateProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = TouchCreateProperties.from_dict(_properties)

        def _parse_campaign_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        def _parse_asset_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        asset_id = _parse_asset_id(d.pop("asset_id", UNSET))

        def _parse_workflow_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        def _parse_contact_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_visitor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        visitor_id = _parse_visitor_id(d.pop("visitor_id", UNSET))

        touch_create = cls(
            type_=type_,
            occurred_at=occurred_at,
            properties=properties,
            campaign_id=campaign_id,
            asset_id=asset_id,
            workflow_id=workflow_id,
            idempotency_key=idempotency_key,
            contact_id=contact_id,
            visitor_id=visitor_id,
        )

        return touch_create

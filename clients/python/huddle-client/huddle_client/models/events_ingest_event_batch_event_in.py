from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.events_ingest_event_batch_event_in_properties import EventsIngestEventBatchEventInProperties


T = TypeVar("T", bound="EventsIngestEventBatchEventIn")


@_attrs_define
class EventsIngestEventBatchEventIn:
    """One event of a batch (documentation: the batch is checked event by event).

    Attributes:
        type_ (str):
        idempotency_key (str):
        email (None | str | Unset): Who: an email, or contact_id.
        contact_id (int | None | Unset):
        visitor_id (None | str | Unset): For an identifying type: the website visitor to stitch.
        occurred_at (datetime.datetime | None | Unset): ISO 8601 with a zone.
        properties (EventsIngestEventBatchEventInProperties | Unset): Each text, a number, true/false, null or a list of
            those, as the event type's schema says.
    """

    type_: str
    idempotency_key: str
    email: None | str | Unset = UNSET
    contact_id: int | None | Unset = UNSET
    visitor_id: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    properties: EventsIngestEventBatchEventInProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        idempotency_key = self.idempotency_key

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "idempotency_key": idempotency_key,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if visitor_id is not UNSET:
            field_dict["visitor_id"] = visitor_id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.events_ingest_event_batch_event_in_properties import EventsIngestEventBatchEventInProperties  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        idempotency_key = d.pop("idempotency_key")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

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
        properties: EventsIngestEventBatchEventInProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = EventsIngestEventBatchEventInProperties.from_dict(_properties)

        events_ingest_event_batch_event_in = cls(
            type_=type_,
            idempotency_key=idempotency_key,
            email=email,
            contact_id=contact_id,
            visitor_id=visitor_id,
            occurred_at=occurred_at,
            properties=properties,
        )

        events_ingest_event_batch_event_in.additional_properties = d
        return events_ingest_event_batch_event_in

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

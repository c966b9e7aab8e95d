from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SendRead")


@_attrs_define
class SendRead:
    """
    Attributes:
        id (int):
        idempotency_key (str):
        template_id (int | None):
        contact_id (int | None):
        is_test (bool):
        to_address (None | str):
        subject (None | str):
        status (str):
        reason (None | str):
        message_id (None | str):
        created_at (datetime.datetime):
        sent_at (datetime.datetime | None):
    """

    id: int
    idempotency_key: str
    template_id: int | None
    contact_id: int | None
    is_test: bool
    to_address: None | str
    subject: None | str
    status: str
    reason: None | str
    message_id: None | str
    created_at: datetime.datetime
    sent_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        idempotency_key = self.idempotency_key

        template_id: int | None
        template_id = self.template_id

        contact_id: int | None
        contact_id = self.contact_id

        is_test = self.is_test

        to_address: None | str
        to_address = self.to_address

        subject: None | str
        subject = self.subject

        status = self.status

        reason: None | str
        reason = self.reason

        message_id: None | str
        message_id = self.message_id

        created_at = self.created_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "idempotency_key": idempotency_key,
                "template_id": template_id,
                "contact_id": contact_id,
                "is_test": is_test,
                "to_address": to_address,
                "subject": subject,
                "status": status,
                "reason": reason,
                "message_id": message_id,
                "created_at": created_at,
                "sent_at": sent_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        idempotency_key = d.pop("idempotency_key")

        def _parse_template_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        template_id = _parse_template_id(d.pop("template_id"))

        def _parse_contact_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        is_test = d.pop("is_test")

        def _parse_to_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to_address = _parse_to_address(d.pop("to_address"))

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        status = d.pop("status")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_message_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message_id = _parse_message_id(d.pop("message_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        send_read = cls(
            id=id,
            idempotency_key=idempotency_key,
            template_id=template_id,
            contact_id=contact_id,
            is_test=is_test,
            to_address=to_address,
            subject=subject,
            status=status,
            reason=reason,
            message_id=message_id,
            created_at=created_at,
            sent_at=sent_at,
        )

        send_read.additional_properties = d
        return send_read

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

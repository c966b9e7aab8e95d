from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SendRequest")


@_attrs_define
class SendRequest:
    """Send a template to a contact once per ``idempotency_key``: a repeat sends nothing.

    Attributes:
        template_id (int):
        contact_id (int):
        idempotency_key (str):
    """

    template_id: int
    contact_id: int
    idempotency_key: str

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        contact_id = self.contact_id

        idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
                "contact_id": contact_id,
                "idempotency_key": idempotency_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = d.pop("template_id")

        contact_id = d.pop("contact_id")

        idempotency_key = d.pop("idempotency_key")

        send_request = cls(
            template_id=template_id,
            contact_id=contact_id,
            idempotency_key=idempotency_key,
        )

        return send_request

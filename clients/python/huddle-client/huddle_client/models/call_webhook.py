from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallWebhook")


@_attrs_define
class CallWebhook:
    """POST the contact's reference to a configured (signed) webhook.

    Attributes:
        id (str):
        webhook_id (int):
        next_ (None | str | Unset):
        kind (Literal['webhook'] | Unset):  Default: 'webhook'.
    """

    id: str
    webhook_id: int
    next_: None | str | Unset = UNSET
    kind: Literal["webhook"] | Unset = "webhook"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        webhook_id = self.webhook_id

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "webhook_id": webhook_id,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        webhook_id = d.pop("webhook_id")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["webhook"] | Unset, d.pop("kind", UNSET))
        if kind != "webhook" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'webhook', got '{kind}'")

        call_webhook = cls(
            id=id,
            webhook_id=webhook_id,
            next_=next_,
            kind=kind,
        )

        return call_webhook

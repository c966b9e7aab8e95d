from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.delivery_event_type import DeliveryEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliveryEvent")


@_attrs_define
class DeliveryEvent:
    """A bounce or complaint an email provider reported (its webhook, or a relay of it).

    Attributes:
        type_ (DeliveryEventType):
        email (str):
        detail (None | str | Unset):
    """

    type_: DeliveryEventType
    email: str
    detail: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        email = self.email

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "email": email,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = DeliveryEventType(d.pop("type"))

        email = d.pop("email")

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        delivery_event = cls(
            type_=type_,
            email=email,
            detail=detail,
        )

        return delivery_event

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signature_read_side import SignatureReadSide

T = TypeVar("T", bound="SignatureRead")


@_attrs_define
class SignatureRead:
    """
    Attributes:
        side (SignatureReadSide):
        user_id (int | None):
        signed_at (datetime.datetime):
    """

    side: SignatureReadSide
    user_id: int | None
    signed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        side = self.side.value

        user_id: int | None
        user_id = self.user_id

        signed_at = self.signed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "side": side,
                "user_id": user_id,
                "signed_at": signed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        side = SignatureReadSide(d.pop("side"))

        def _parse_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_id = _parse_user_id(d.pop("user_id"))

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        signature_read = cls(
            side=side,
            user_id=user_id,
            signed_at=signed_at,
        )

        signature_read.additional_properties = d
        return signature_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TouchConflict")


@_attrs_define
class TouchConflict:
    """409: the sender used the key before for another touch.

    Attributes:
        detail (str):
        code (Literal['idempotency_conflict']):
        idempotency_key (str):
        fingerprint (str): sha256 of this request's touch as canonical JSON.
        stored_fingerprint (str): The same of the touch stored under the key.
    """

    detail: str
    code: Literal["idempotency_conflict"]
    idempotency_key: str
    fingerprint: str
    stored_fingerprint: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        code = self.code

        idempotency_key = self.idempotency_key

        fingerprint = self.fingerprint

        stored_fingerprint = self.stored_fingerprint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "code": code,
                "idempotency_key": idempotency_key,
                "fingerprint": fingerprint,
                "stored_fingerprint": stored_fingerprint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        code = cast(Literal["idempotency_conflict"], d.pop("code"))
        if code != "idempotency_conflict":
            raise ValueError(f"code must match const 'idempotency_conflict', got '{code}'")

        idempotency_key = d.pop("idempotency_key")

        fingerprint = d.pop("fingerprint")

        stored_fingerprint = d.pop("stored_fingerprint")

        touch_conflict = cls(
            detail=detail,
            code=code,
            idempotency_key=idempotency_key,
            fingerprint=fingerprint,
            stored_fingerprint=stored_fingerprint,
        )

        touch_conflict.additional_properties = d
        return touch_conflict

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

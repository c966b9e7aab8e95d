from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventFailure")


@_attrs_define
class EventFailure:
    """
    Attributes:
        index (int):
        reason (str):
        code (Literal['idempotency_conflict'] | None | Unset): Set when the sender used the key before for another
            payload; the fields below are then set too.
        idempotency_key (None | str | Unset):
        fingerprint (None | str | Unset): sha256 of this event as canonical JSON (sorted keys).
        stored_fingerprint (None | str | Unset): The same of the event stored under the key.
    """

    index: int
    reason: str
    code: Literal["idempotency_conflict"] | None | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    fingerprint: None | str | Unset = UNSET
    stored_fingerprint: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        reason = self.reason

        code: Literal["idempotency_conflict"] | None | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        fingerprint: None | str | Unset
        if isinstance(self.fingerprint, Unset):
            fingerprint = UNSET
        else:
            fingerprint = self.fingerprint

        stored_fingerprint: None | str | Unset
        if isinstance(self.stored_fingerprint, Unset):
            stored_fingerprint = UNSET
        else:
            stored_fingerprint = self.stored_fingerprint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "reason": reason,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint
        if stored_fingerprint is not UNSET:
            field_dict["stored_fingerprint"] = stored_fingerprint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        reason = d.pop("reason")

        def _parse_code(data: object) -> Literal["idempotency_conflict"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            code_type_0 = cast(Literal["idempotency_conflict"], data)
            if code_type_0 != "idempotency_conflict":
                raise ValueError(f"code_type_0 must match const 'idempotency_conflict', got '{code_type_0}'")
            return code_type_0
            return cast(Literal["idempotency_conflict"] | None | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        def _parse_fingerprint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fingerprint = _parse_fingerprint(d.pop("fingerprint", UNSET))

        def _parse_stored_fingerprint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stored_fingerprint = _parse_stored_fingerprint(d.pop("stored_fingerprint", UNSET))

        event_failure = cls(
            index=index,
            reason=reason,
            code=code,
            idempotency_key=idempotency_key,
            fingerprint=fingerprint,
            stored_fingerprint=stored_fingerprint,
        )

        event_failure.additional_properties = d
        return event_failure

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SendOutcomeRead")


@_attrs_define
class SendOutcomeRead:
    """
    Attributes:
        send_id (int):
        status (str):
        reason (None | str):
        repeated (bool):
    """

    send_id: int
    status: str
    reason: None | str
    repeated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        send_id = self.send_id

        status = self.status

        reason: None | str
        reason = self.reason

        repeated = self.repeated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "send_id": send_id,
                "status": status,
                "reason": reason,
                "repeated": repeated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        send_id = d.pop("send_id")

        status = d.pop("status")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        repeated = d.pop("repeated")

        send_outcome_read = cls(
            send_id=send_id,
            status=status,
            reason=reason,
            repeated=repeated,
        )

        send_outcome_read.additional_properties = d
        return send_outcome_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SuppressionRead")


@_attrs_define
class SuppressionRead:
    """
    Attributes:
        id (int):
        email (str):
        reason (str):
        detail (None | str):
        source (str):
        created_at (datetime.datetime):
    """

    id: int
    email: str
    reason: str
    detail: None | str
    source: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        reason = self.reason

        detail: None | str
        detail = self.detail

        source = self.source

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "reason": reason,
                "detail": detail,
                "source": source,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        reason = d.pop("reason")

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        source = d.pop("source")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        suppression_read = cls(
            id=id,
            email=email,
            reason=reason,
            detail=detail,
            source=source,
            created_at=created_at,
        )

        suppression_read.additional_properties = d
        return suppression_read

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

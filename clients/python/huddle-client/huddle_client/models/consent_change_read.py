from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsentChangeRead")


@_attrs_define
class ConsentChangeRead:
    """
    Attributes:
        id (int):
        contact_id (int):
        field (str):
        old_value (None | str):
        new_value (str):
        source (str):
        text_shown (None | str):
        by_user_id (int | None):
        at (datetime.datetime):
    """

    id: int
    contact_id: int
    field: str
    old_value: None | str
    new_value: str
    source: str
    text_shown: None | str
    by_user_id: int | None
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_id = self.contact_id

        field = self.field

        old_value: None | str
        old_value = self.old_value

        new_value = self.new_value

        source = self.source

        text_shown: None | str
        text_shown = self.text_shown

        by_user_id: int | None
        by_user_id = self.by_user_id

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contact_id": contact_id,
                "field": field,
                "old_value": old_value,
                "new_value": new_value,
                "source": source,
                "text_shown": text_shown,
                "by_user_id": by_user_id,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        contact_id = d.pop("contact_id")

        field = d.pop("field")

        def _parse_old_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        old_value = _parse_old_value(d.pop("old_value"))

        new_value = d.pop("new_value")

        source = d.pop("source")

        def _parse_text_shown(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text_shown = _parse_text_shown(d.pop("text_shown"))

        def _parse_by_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        by_user_id = _parse_by_user_id(d.pop("by_user_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        consent_change_read = cls(
            id=id,
            contact_id=contact_id,
            field=field,
            old_value=old_value,
            new_value=new_value,
            source=source,
            text_shown=text_shown,
            by_user_id=by_user_id,
            at=at,
        )

        consent_change_read.additional_properties = d
        return consent_change_read

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

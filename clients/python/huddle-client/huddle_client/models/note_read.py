from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NoteRead")


@_attrs_define
class NoteRead:
    """
    Attributes:
        id (int):
        contact_id (int | None):
        account_id (int | None):
        opportunity_id (int | None):
        author_id (int | None):
        body (str):
        mentioned_user_ids (list[int]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    contact_id: int | None
    account_id: int | None
    opportunity_id: int | None
    author_id: int | None
    body: str
    mentioned_user_ids: list[int]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_id: int | None
        contact_id = self.contact_id

        account_id: int | None
        account_id = self.account_id

        opportunity_id: int | None
        opportunity_id = self.opportunity_id

        author_id: int | None
        author_id = self.author_id

        body = self.body

        mentioned_user_ids = self.mentioned_user_ids

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contact_id": contact_id,
                "account_id": account_id,
                "opportunity_id": opportunity_id,
                "author_id": author_id,
                "body": body,
                "mentioned_user_ids": mentioned_user_ids,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_contact_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        def _parse_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        account_id = _parse_account_id(d.pop("account_id"))

        def _parse_opportunity_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        opportunity_id = _parse_opportunity_id(d.pop("opportunity_id"))

        def _parse_author_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        author_id = _parse_author_id(d.pop("author_id"))

        body = d.pop("body")

        mentioned_user_ids = cast(list[int], d.pop("mentioned_user_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        note_read = cls(
            id=id,
            contact_id=contact_id,
            account_id=account_id,
            opportunity_id=opportunity_id,
            author_id=author_id,
            body=body,
            mentioned_user_ids=mentioned_user_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        note_read.additional_properties = d
        return note_read

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

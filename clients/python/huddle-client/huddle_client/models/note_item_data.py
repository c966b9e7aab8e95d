from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="NoteItemData")


@_attrs_define
class NoteItemData:
    """A ``note`` item's data.

    Attributes:
        mentioned_user_ids (list[int]):
        account_id (int | None):
    """

    mentioned_user_ids: list[int]
    account_id: int | None

    def to_dict(self) -> dict[str, Any]:
        mentioned_user_ids = self.mentioned_user_ids

        account_id: int | None
        account_id = self.account_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mentioned_user_ids": mentioned_user_ids,
                "account_id": account_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mentioned_user_ids = cast(list[int], d.pop("mentioned_user_ids"))

        def _parse_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        account_id = _parse_account_id(d.pop("account_id"))

        note_item_data = cls(
            mentioned_user_ids=mentioned_user_ids,
            account_id=account_id,
        )

        return note_item_data

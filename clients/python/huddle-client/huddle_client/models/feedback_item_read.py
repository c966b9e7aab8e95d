from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeedbackItemRead")


@_attrs_define
class FeedbackItemRead:
    """
    Attributes:
        id (int):
        kind (str):
        feature_id (int | None):
        opportunity_id (int | None):
        account_id (int):
        quote (str):
        author_id (int | None):
        created_at (datetime.datetime):
    """

    id: int
    kind: str
    feature_id: int | None
    opportunity_id: int | None
    account_id: int
    quote: str
    author_id: int | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        feature_id: int | None
        feature_id = self.feature_id

        opportunity_id: int | None
        opportunity_id = self.opportunity_id

        account_id = self.account_id

        quote = self.quote

        author_id: int | None
        author_id = self.author_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "feature_id": feature_id,
                "opportunity_id": opportunity_id,
                "account_id": account_id,
                "quote": quote,
                "author_id": author_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_feature_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        feature_id = _parse_feature_id(d.pop("feature_id"))

        def _parse_opportunity_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        opportunity_id = _parse_opportunity_id(d.pop("opportunity_id"))

        account_id = d.pop("account_id")

        quote = d.pop("quote")

        def _parse_author_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        author_id = _parse_author_id(d.pop("author_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        feedback_item_read = cls(
            id=id,
            kind=kind,
            feature_id=feature_id,
            opportunity_id=opportunity_id,
            account_id=account_id,
            quote=quote,
            author_id=author_id,
            created_at=created_at,
        )

        feedback_item_read.additional_properties = d
        return feedback_item_read

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

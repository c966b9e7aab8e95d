from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuoteRead")


@_attrs_define
class QuoteRead:
    """
    Attributes:
        item_id (int):
        kind (str):
        quote (str):
        account_id (int):
        account_name (str):
        opportunity_id (int | None):
        deal_name (None | str):
        deal_status (None | str):
        deal_amount (float | None):
        author (None | str):
        created_at (datetime.datetime):
    """

    item_id: int
    kind: str
    quote: str
    account_id: int
    account_name: str
    opportunity_id: int | None
    deal_name: None | str
    deal_status: None | str
    deal_amount: float | None
    author: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        kind = self.kind

        quote = self.quote

        account_id = self.account_id

        account_name = self.account_name

        opportunity_id: int | None
        opportunity_id = self.opportunity_id

        deal_name: None | str
        deal_name = self.deal_name

        deal_status: None | str
        deal_status = self.deal_status

        deal_amount: float | None
        deal_amount = self.deal_amount

        author: None | str
        author = self.author

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item_id": item_id,
                "kind": kind,
                "quote": quote,
                "account_id": account_id,
                "account_name": account_name,
                "opportunity_id": opportunity_id,
                "deal_name": deal_name,
                "deal_status": deal_status,
                "deal_amount": deal_amount,
                "author": author,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id")

        kind = d.pop("kind")

        quote = d.pop("quote")

        account_id = d.pop("account_id")

        account_name = d.pop("account_name")

        def _parse_opportunity_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        opportunity_id = _parse_opportunity_id(d.pop("opportunity_id"))

        def _parse_deal_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deal_name = _parse_deal_name(d.pop("deal_name"))

        def _parse_deal_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deal_status = _parse_deal_status(d.pop("deal_status"))

        def _parse_deal_amount(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        deal_amount = _parse_deal_amount(d.pop("deal_amount"))

        def _parse_author(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author = _parse_author(d.pop("author"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        quote_read = cls(
            item_id=item_id,
            kind=kind,
            quote=quote,
            account_id=account_id,
            account_name=account_name,
            opportunity_id=opportunity_id,
            deal_name=deal_name,
            deal_status=deal_status,
            deal_amount=deal_amount,
            author=author,
            created_at=created_at,
        )

        quote_read.additional_properties = d
        return quote_read

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

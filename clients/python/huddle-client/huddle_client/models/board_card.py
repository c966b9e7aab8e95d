from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BoardCard")


@_attrs_define
class BoardCard:
    """
    Attributes:
        id (int):
        name (str):
        account_id (int):
        account_name (str):
        amount (float):
        currency (str):
        owner_id (int | None):
        owner_name (None | str):
        expected_close_date (datetime.date | None):
    """

    id: int
    name: str
    account_id: int
    account_name: str
    amount: float
    currency: str
    owner_id: int | None
    owner_name: None | str
    expected_close_date: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        account_id = self.account_id

        account_name = self.account_name

        amount = self.amount

        currency = self.currency

        owner_id: int | None
        owner_id = self.owner_id

        owner_name: None | str
        owner_name = self.owner_name

        expected_close_date: None | str
        if isinstance(self.expected_close_date, datetime.date):
            expected_close_date = self.expected_close_date.isoformat()
        else:
            expected_close_date = self.expected_close_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "account_id": account_id,
                "account_name": account_name,
                "amount": amount,
                "currency": currency,
                "owner_id": owner_id,
                "owner_name": owner_name,
                "expected_close_date": expected_close_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        account_id = d.pop("account_id")

        account_name = d.pop("account_name")

        amount = d.pop("amount")

        currency = d.pop("currency")

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        def _parse_owner_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_name = _parse_owner_name(d.pop("owner_name"))

        def _parse_expected_close_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_date_type_0 = datetime.date.fromisoformat(data)

                return expected_close_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_close_date = _parse_expected_close_date(d.pop("expected_close_date"))

        board_card = cls(
            id=id,
            name=name,
            account_id=account_id,
            account_name=account_name,
            amount=amount,
            currency=currency,
            owner_id=owner_id,
            owner_name=owner_name,
            expected_close_date=expected_close_date,
        )

        board_card.additional_properties = d
        return board_card

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BoardTotals")


@_attrs_define
class BoardTotals:
    """
    Attributes:
        count (int | Unset):  Default: 0.
        amount (float | Unset):  Default: 0.0.
        weighted_amount (float | Unset):  Default: 0.0.
        currency (None | str | Unset): The currency of every deal summed; null when they are in several (the amounts are
            then added as written) or there are none
    """

    count: int | Unset = 0
    amount: float | Unset = 0.0
    weighted_amount: float | Unset = 0.0
    currency: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        amount = self.amount

        weighted_amount = self.weighted_amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if amount is not UNSET:
            field_dict["amount"] = amount
        if weighted_amount is not UNSET:
            field_dict["weighted_amount"] = weighted_amount
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count", UNSET)

        amount = d.pop("amount", UNSET)

        weighted_amount = d.pop("weighted_amount", UNSET)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        board_totals = cls(
            count=count,
            amount=amount,
            weighted_amount=weighted_amount,
            currency=currency,
        )

        board_totals.additional_properties = d
        return board_totals

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

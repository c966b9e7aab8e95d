from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpportunityUpdate")


@_attrs_define
class OpportunityUpdate:
    """Only the fields sent are changed; send ``null`` to clear an optional one (the name,
    amount and currency cannot be null).

        Attributes:
            name (str | Unset):
            primary_contact_id (int | None | Unset):
            amount (float | Unset):
            currency (str | Unset):
            expected_close_date (datetime.date | None | Unset):
            owner_id (int | None | Unset):
    """

    name: str | Unset = UNSET
    primary_contact_id: int | None | Unset = UNSET
    amount: float | Unset = UNSET
    currency: str | Unset = UNSET
    expected_close_date: datetime.date | None | Unset = UNSET
    owner_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        primary_contact_id: int | None | Unset
        if isinstance(self.primary_contact_id, Unset):
            primary_contact_id = UNSET
        else:
            primary_contact_id = self.primary_contact_id

        amount = self.amount

        currency = self.currency

        expected_close_date: None | str | Unset
        if isinstance(self.expected_close_date, Unset):
            expected_close_date = UNSET
        elif isinstance(self.expected_close_date, datetime.date):
            expected_close_date = self.expected_close_date.isoformat()
        else:
            expected_close_date = self.expected_close_date

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if primary_contact_id is not UNSET:
            field_dict["primary_contact_id"] = primary_contact_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expected_close_date is not UNSET:
            field_dict["expected_close_date"] = expected_close_date
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_primary_contact_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        primary_contact_id = _parse_primary_contact_id(d.pop("primary_contact_id", UNSET))

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_expected_close_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_date_type_0 = datetime.date.fromisoformat(data)

                return expected_close_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_close_date = _parse_expected_close_date(d.pop("expected_close_date", UNSET))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        opportunity_update = cls(
            name=name,
            primary_contact_id=primary_contact_id,
            amount=amount,
            currency=currency,
            expected_close_date=expected_close_date,
            owner_id=owner_id,
        )

        opportunity_update.additional_properties = d
        return opportunity_update

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CostRead")


@_attrs_define
class CostRead:
    """
    Attributes:
        id (int):
        campaign_id (int):
        spent_on (datetime.date):
        amount (float):
        note (None | str):
    """

    id: int
    campaign_id: int
    spent_on: datetime.date
    amount: float
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        campaign_id = self.campaign_id

        spent_on = self.spent_on.isoformat()

        amount = self.amount

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "campaign_id": campaign_id,
                "spent_on": spent_on,
                "amount": amount,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        campaign_id = d.pop("campaign_id")

        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        amount = d.pop("amount")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        cost_read = cls(
            id=id,
            campaign_id=campaign_id,
            spent_on=spent_on,
            amount=amount,
            note=note,
        )

        cost_read.additional_properties = d
        return cost_read

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

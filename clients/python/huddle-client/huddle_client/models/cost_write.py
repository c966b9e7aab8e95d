from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CostWrite")


@_attrs_define
class CostWrite:
    """
    Attributes:
        spent_on (datetime.date):
        amount (float):
        note (None | str | Unset):
    """

    spent_on: datetime.date
    amount: float
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        spent_on = self.spent_on.isoformat()

        amount = self.amount

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "spent_on": spent_on,
                "amount": amount,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        amount = d.pop("amount")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        cost_write = cls(
            spent_on=spent_on,
            amount=amount,
            note=note,
        )

        return cost_write

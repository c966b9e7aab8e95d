from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DateFieldTrigger")


@_attrs_define
class DateFieldTrigger:
    """A contact's date custom field ``days_before`` days away (a renewal in 60 days),
    checked by the daily job.

        Attributes:
            field_key (str):
            days_before (int):
            type_ (Literal['date_field'] | Unset):  Default: 'date_field'.
    """

    field_key: str
    days_before: int
    type_: Literal["date_field"] | Unset = "date_field"

    def to_dict(self) -> dict[str, Any]:
        field_key = self.field_key

        days_before = self.days_before

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field_key": field_key,
                "days_before": days_before,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_key = d.pop("field_key")

        days_before = d.pop("days_before")

        type_ = cast(Literal["date_field"] | Unset, d.pop("type", UNSET))
        if type_ != "date_field" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'date_field', got '{type_}'")

        date_field_trigger = cls(
            field_key=field_key,
            days_before=days_before,
            type_=type_,
        )

        return date_field_trigger

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConditionRule")


@_attrs_define
class ConditionRule:
    """``<field> <op> <value>`` over the contact and its account, as scoring's fit rules
    say it: ``contact.job_title contains VP``, ``account.employee_count gte 50``,
    ``contact.custom.tier in [gold, silver]``, ``contact.lifecycle_stage eq mql``.

        Attributes:
            field (str):
            op (str):
            value (bool | float | list[float] | list[str] | None | str | Unset):
    """

    field: str
    op: str
    value: bool | float | list[float] | list[str] | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op

        value: bool | float | list[float] | list[str] | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = self.value

        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "op": op,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        op = d.pop("op")

        def _parse_value(data: object) -> bool | float | list[float] | list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_3 = cast(list[str], data)

                return value_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_4 = cast(list[float], data)

                return value_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | list[float] | list[str] | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        condition_rule = cls(
            field=field,
            op=op,
            value=value,
        )

        return condition_rule

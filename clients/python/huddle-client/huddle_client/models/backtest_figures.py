from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BacktestFigures")


@_attrs_define
class BacktestFigures:
    """
    Attributes:
        mqls (int):
        became_sql (int):
        became_customer (int):
        became_sal (int | Unset): Of those MQLs, how many sales accepted. Default: 0.
    """

    mqls: int
    became_sql: int
    became_customer: int
    became_sal: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mqls = self.mqls

        became_sql = self.became_sql

        became_customer = self.became_customer

        became_sal = self.became_sal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mqls": mqls,
                "became_sql": became_sql,
                "became_customer": became_customer,
            }
        )
        if became_sal is not UNSET:
            field_dict["became_sal"] = became_sal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mqls = d.pop("mqls")

        became_sql = d.pop("became_sql")

        became_customer = d.pop("became_customer")

        became_sal = d.pop("became_sal", UNSET)

        backtest_figures = cls(
            mqls=mqls,
            became_sql=became_sql,
            became_customer=became_customer,
            became_sal=became_sal,
        )

        backtest_figures.additional_properties = d
        return backtest_figures

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

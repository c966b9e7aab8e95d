from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IcpSegmentRead")


@_attrs_define
class IcpSegmentRead:
    """
    Attributes:
        attribute (str): industry, country, region, employees, revenue, custom.<key>
        value (str):
        label (str):
        support (int): Best customers in the segment
        best_share (float): Support / best customers
        accounts (int): Accounts in the segment
        base_share (float): Accounts in the segment / all accounts
        lift (float): best_share / base_share
    """

    attribute: str
    value: str
    label: str
    support: int
    best_share: float
    accounts: int
    base_share: float
    lift: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attribute = self.attribute

        value = self.value

        label = self.label

        support = self.support

        best_share = self.best_share

        accounts = self.accounts

        base_share = self.base_share

        lift = self.lift

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attribute": attribute,
                "value": value,
                "label": label,
                "support": support,
                "best_share": best_share,
                "accounts": accounts,
                "base_share": base_share,
                "lift": lift,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attribute = d.pop("attribute")

        value = d.pop("value")

        label = d.pop("label")

        support = d.pop("support")

        best_share = d.pop("best_share")

        accounts = d.pop("accounts")

        base_share = d.pop("base_share")

        lift = d.pop("lift")

        icp_segment_read = cls(
            attribute=attribute,
            value=value,
            label=label,
            support=support,
            best_share=best_share,
            accounts=accounts,
            base_share=base_share,
            lift=lift,
        )

        icp_segment_read.additional_properties = d
        return icp_segment_read

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

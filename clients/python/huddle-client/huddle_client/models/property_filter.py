from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.property_filter_op import PropertyFilterOp
from ..types import UNSET, Unset

T = TypeVar("T", bound="PropertyFilter")


@_attrs_define
class PropertyFilter:
    """
    Attributes:
        name (str):
        value (str):
        op (PropertyFilterOp | Unset):  Default: PropertyFilterOp.EQ.
    """

    name: str
    value: str
    op: PropertyFilterOp | Unset = PropertyFilterOp.EQ

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        op: str | Unset = UNSET
        if not isinstance(self.op, Unset):
            op = self.op.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "value": value,
            }
        )
        if op is not UNSET:
            field_dict["op"] = op

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        value = d.pop("value")

        _op = d.pop("op", UNSET)
        op: PropertyFilterOp | Unset
        if isinstance(_op, Unset):
            op = UNSET
        else:
            op = PropertyFilterOp(_op)

        property_filter = cls(
            name=name,
            value=value,
            op=op,
        )

        return property_filter

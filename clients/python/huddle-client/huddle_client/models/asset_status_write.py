from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.asset_status_write_status import AssetStatusWriteStatus

T = TypeVar("T", bound="AssetStatusWrite")


@_attrs_define
class AssetStatusWrite:
    """
    Attributes:
        status (AssetStatusWriteStatus):
    """

    status: AssetStatusWriteStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = AssetStatusWriteStatus(d.pop("status"))

        asset_status_write = cls(
            status=status,
        )

        return asset_status_write

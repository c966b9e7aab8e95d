from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.status_write_status import StatusWriteStatus

T = TypeVar("T", bound="StatusWrite")


@_attrs_define
class StatusWrite:
    """
    Attributes:
        status (StatusWriteStatus):
    """

    status: StatusWriteStatus

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
        status = StatusWriteStatus(d.pop("status"))

        status_write = cls(
            status=status,
        )

        return status_write

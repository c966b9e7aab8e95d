from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SlaAlertData")


@_attrs_define
class SlaAlertData:
    """``sla.warning``, ``sla.breached``, ``sla.escalated``: the clock and its lead.

    Attributes:
        clock_id (int):
        contact_id (int):
    """

    clock_id: int
    contact_id: int

    def to_dict(self) -> dict[str, Any]:
        clock_id = self.clock_id

        contact_id = self.contact_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "clock_id": clock_id,
                "contact_id": contact_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clock_id = d.pop("clock_id")

        contact_id = d.pop("contact_id")

        sla_alert_data = cls(
            clock_id=clock_id,
            contact_id=contact_id,
        )

        return sla_alert_data

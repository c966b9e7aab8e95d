from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.handoff_packet import HandoffPacket


T = TypeVar("T", bound="HandoffNoticeData")


@_attrs_define
class HandoffNoticeData:
    """``routing.handoff`` (the lead is the recipient's) and ``routing.unassigned`` (it
    waits in the recipient's team pool): the hand-off, its lead, and the packet.

        Attributes:
            handoff_id (int):
            contact_id (int):
            packet (HandoffPacket): The lead's story for the rep, as it was when the lead was routed.
    """

    handoff_id: int
    contact_id: int
    packet: HandoffPacket

    def to_dict(self) -> dict[str, Any]:
        handoff_id = self.handoff_id

        contact_id = self.contact_id

        packet = self.packet.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "handoff_id": handoff_id,
                "contact_id": contact_id,
                "packet": packet,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.handoff_packet import HandoffPacket  # noqa: PLC0415

        d = dict(src_dict)
        handoff_id = d.pop("handoff_id")

        contact_id = d.pop("contact_id")

        packet = HandoffPacket.from_dict(d.pop("packet"))

        handoff_notice_data = cls(
            handoff_id=handoff_id,
            contact_id=contact_id,
            packet=packet,
        )

        return handoff_notice_data

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.handoff_read_status import HandoffReadStatus

if TYPE_CHECKING:
    from ..models.candidate import Candidate
    from ..models.handoff_packet import HandoffPacket


T = TypeVar("T", bound="HandoffRead")


@_attrs_define
class HandoffRead:
    """
    Attributes:
        id (int):
        contact_id (int):
        owner_id (int | None):
        team (str):
        pool_id (int | None):
        rule_id (int | None):
        rule (str):
        reason (str):
        candidates (list[Candidate]):
        packet (HandoffPacket): The lead's story for the rep, as it was when the lead was routed.
        at (datetime.datetime):
        status (HandoffReadStatus):
        decided_at (datetime.datetime | None):
        decided_by_id (int | None):
        decision_reason (None | str):
    """

    id: int
    contact_id: int
    owner_id: int | None
    team: str
    pool_id: int | None
    rule_id: int | None
    rule: str
    reason: str
    candidates: list[Candidate]
    packet: HandoffPacket
    at: datetime.datetime
    status: HandoffReadStatus
    decided_at: datetime.datetime | None
    decided_by_id: int | None
    decision_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_id = self.contact_id

        owner_id: int | None
        owner_id = self.owner_id

        team = self.team

        pool_id: int | None
        pool_id = self.pool_id

        rule_id: int | None
        rule_id = self.rule_id

        rule = self.rule

        reason = self.reason

        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)

        packet = self.packet.to_dict()

        at = self.at.isoformat()

        status = self.status.value

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by_id: int | None
        decided_by_id = self.decided_by_id

        decision_reason: None | str
        decision_reason = self.decision_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contact_id": contact_id,
                "owner_id": owner_id,
                "team": team,
                "pool_id": pool_id,
                "rule_id": rule_id,
                "rule": rule,
                "reason": reason,
                "candidates": candidates,
                "packet": packet,
                "at": at,
                "status": status,
                "decided_at": decided_at,
                "decided_by_id": decided_by_id,
                "decision_reason": decision_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate  # noqa: PLC0415
        from ..models.handoff_packet import HandoffPacket  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        contact_id = d.pop("contact_id")

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        team = d.pop("team")

        def _parse_pool_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pool_id = _parse_pool_id(d.pop("pool_id"))

        def _parse_rule_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rule_id = _parse_rule_id(d.pop("rule_id"))

        rule = d.pop("rule")

        reason = d.pop("reason")

        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in _candidates:
            candidates_item = Candidate.from_dict(candidates_item_data)

            candidates.append(candidates_item)

        packet = HandoffPacket.from_dict(d.pop("packet"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        status = HandoffReadStatus(d.pop("status"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decided_by_id = _parse_decided_by_id(d.pop("decided_by_id"))

        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))

        handoff_read = cls(
            id=id,
            contact_id=contact_id,
            owner_id=owner_id,
            team=team,
            pool_id=pool_id,
            rule_id=rule_id,
            rule=rule,
            reason=reason,
            candidates=candidates,
            packet=packet,
            at=at,
            status=status,
            decided_at=decided_at,
            decided_by_id=decided_by_id,
            decision_reason=decision_reason,
        )

        handoff_read.additional_properties = d
        return handoff_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PacketQualification")


@_attrs_define
class PacketQualification:
    """What made the lead an MQL, from its stage history.

    Attributes:
        by (str): The criteria ("MQL criteria v2"), or "moved by hand".
        at (str):
        reason (None | str):
        criteria (None | str): The criteria in words, when they are the ones in force.
        saved_by (None | str): Who saved that version of the criteria.
    """

    by: str
    at: str
    reason: None | str
    criteria: None | str
    saved_by: None | str

    def to_dict(self) -> dict[str, Any]:
        by = self.by

        at = self.at

        reason: None | str
        reason = self.reason

        criteria: None | str
        criteria = self.criteria

        saved_by: None | str
        saved_by = self.saved_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by": by,
                "at": at,
                "reason": reason,
                "criteria": criteria,
                "saved_by": saved_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        by = d.pop("by")

        at = d.pop("at")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_criteria(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        criteria = _parse_criteria(d.pop("criteria"))

        def _parse_saved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        saved_by = _parse_saved_by(d.pop("saved_by"))

        packet_qualification = cls(
            by=by,
            at=at,
            reason=reason,
            criteria=criteria,
            saved_by=saved_by,
        )

        return packet_qualification

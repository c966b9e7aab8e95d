from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StageTransitionRead")


@_attrs_define
class StageTransitionRead:
    """
    Attributes:
        id (int):
        contact_id (int):
        from_stage (None | str):
        to_stage (str):
        at (datetime.datetime):
        by_user_id (int | None):
        by_rule (None | str):
        reason (None | str):
        rejection_reason (None | str):
        source (None | str): where a past move comes from (an imported file, an integration); null for moves made in
            Huddle
    """

    id: int
    contact_id: int
    from_stage: None | str
    to_stage: str
    at: datetime.datetime
    by_user_id: int | None
    by_rule: None | str
    reason: None | str
    rejection_reason: None | str
    source: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_id = self.contact_id

        from_stage: None | str
        from_stage = self.from_stage

        to_stage = self.to_stage

        at = self.at.isoformat()

        by_user_id: int | None
        by_user_id = self.by_user_id

        by_rule: None | str
        by_rule = self.by_rule

        reason: None | str
        reason = self.reason

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        source: None | str
        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contact_id": contact_id,
                "from_stage": from_stage,
                "to_stage": to_stage,
                "at": at,
                "by_user_id": by_user_id,
                "by_rule": by_rule,
                "reason": reason,
                "rejection_reason": rejection_reason,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        contact_id = d.pop("contact_id")

        def _parse_from_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_stage = _parse_from_stage(d.pop("from_stage"))

        to_stage = d.pop("to_stage")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_by_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        by_user_id = _parse_by_user_id(d.pop("by_user_id"))

        def _parse_by_rule(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by_rule = _parse_by_rule(d.pop("by_rule"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        stage_transition_read = cls(
            id=id,
            contact_id=contact_id,
            from_stage=from_stage,
            to_stage=to_stage,
            at=at,
            by_user_id=by_user_id,
            by_rule=by_rule,
            reason=reason,
            rejection_reason=rejection_reason,
            source=source,
        )

        stage_transition_read.additional_properties = d
        return stage_transition_read

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

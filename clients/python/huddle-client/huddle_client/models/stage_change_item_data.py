from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="StageChangeItemData")


@_attrs_define
class StageChangeItemData:
    """A ``stage_change`` item's data.

    Attributes:
        from_stage (None | str):
        to_stage (str):
        by_rule (None | str):
        rejection_reason (None | str):
    """

    from_stage: None | str
    to_stage: str
    by_rule: None | str
    rejection_reason: None | str

    def to_dict(self) -> dict[str, Any]:
        from_stage: None | str
        from_stage = self.from_stage

        to_stage = self.to_stage

        by_rule: None | str
        by_rule = self.by_rule

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from_stage": from_stage,
                "to_stage": to_stage,
                "by_rule": by_rule,
                "rejection_reason": rejection_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_stage = _parse_from_stage(d.pop("from_stage"))

        to_stage = d.pop("to_stage")

        def _parse_by_rule(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by_rule = _parse_by_rule(d.pop("by_rule"))

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))

        stage_change_item_data = cls(
            from_stage=from_stage,
            to_stage=to_stage,
            by_rule=by_rule,
            rejection_reason=rejection_reason,
        )

        return stage_change_item_data

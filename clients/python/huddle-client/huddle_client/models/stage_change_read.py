from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StageChangeRead")


@_attrs_define
class StageChangeRead:
    """
    Attributes:
        from_stage (None | str):
        to_stage (str):
        evidence (str):
        touch_id (int | None):
        at (datetime.datetime):
    """

    from_stage: None | str
    to_stage: str
    evidence: str
    touch_id: int | None
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_stage: None | str
        from_stage = self.from_stage

        to_stage = self.to_stage

        evidence = self.evidence

        touch_id: int | None
        touch_id = self.touch_id

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_stage": from_stage,
                "to_stage": to_stage,
                "evidence": evidence,
                "touch_id": touch_id,
                "at": at,
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

        evidence = d.pop("evidence")

        def _parse_touch_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        touch_id = _parse_touch_id(d.pop("touch_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        stage_change_read = cls(
            from_stage=from_stage,
            to_stage=to_stage,
            evidence=evidence,
            touch_id=touch_id,
            at=at,
        )

        stage_change_read.additional_properties = d
        return stage_change_read

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

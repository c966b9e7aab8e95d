from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OccurrenceRead")


@_attrs_define
class OccurrenceRead:
    """
    Attributes:
        touch_id (int):
        type_ (str):
        occurred_at (datetime.datetime):
        points (float):
    """

    touch_id: int
    type_: str
    occurred_at: datetime.datetime
    points: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        touch_id = self.touch_id

        type_ = self.type_

        occurred_at = self.occurred_at.isoformat()

        points = self.points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "touch_id": touch_id,
                "type": type_,
                "occurred_at": occurred_at,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        touch_id = d.pop("touch_id")

        type_ = d.pop("type")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        points = d.pop("points")

        occurrence_read = cls(
            touch_id=touch_id,
            type_=type_,
            occurred_at=occurred_at,
            points=points,
        )

        occurrence_read.additional_properties = d
        return occurrence_read

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

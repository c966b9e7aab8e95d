from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StagePoint")


@_attrs_define
class StagePoint:
    """
    Attributes:
        stage (str):
    """

    stage: str

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage": stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = d.pop("stage")

        stage_point = cls(
            stage=stage,
        )

        return stage_point

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opportunity_move_pipeline_stage import OpportunityMovePipelineStage

T = TypeVar("T", bound="OpportunityMove")


@_attrs_define
class OpportunityMove:
    """
    Attributes:
        pipeline_stage (OpportunityMovePipelineStage):
    """

    pipeline_stage: OpportunityMovePipelineStage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipeline_stage = self.pipeline_stage.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pipeline_stage": pipeline_stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pipeline_stage = OpportunityMovePipelineStage(d.pop("pipeline_stage"))

        opportunity_move = cls(
            pipeline_stage=pipeline_stage,
        )

        opportunity_move.additional_properties = d
        return opportunity_move

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

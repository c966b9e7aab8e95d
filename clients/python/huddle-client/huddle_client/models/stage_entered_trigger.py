from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stage_entered_trigger_stage import StageEnteredTriggerStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="StageEnteredTrigger")


@_attrs_define
class StageEnteredTrigger:
    """
    Attributes:
        stage (StageEnteredTriggerStage):
        type_ (Literal['stage_entered'] | Unset):  Default: 'stage_entered'.
    """

    stage: StageEnteredTriggerStage
    type_: Literal["stage_entered"] | Unset = "stage_entered"

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage.value

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage": stage,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = StageEnteredTriggerStage(d.pop("stage"))

        type_ = cast(Literal["stage_entered"] | Unset, d.pop("type", UNSET))
        if type_ != "stage_entered" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'stage_entered', got '{type_}'")

        stage_entered_trigger = cls(
            stage=stage,
            type_=type_,
        )

        return stage_entered_trigger

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BuyingStageTrigger")


@_attrs_define
class BuyingStageTrigger:
    """The contact's buying stage became ``stage`` (a key of the configured buying stages:
    the plays domain infers it from indicator touches).

        Attributes:
            stage (str):
            type_ (Literal['buying_stage_changed'] | Unset):  Default: 'buying_stage_changed'.
    """

    stage: str
    type_: Literal["buying_stage_changed"] | Unset = "buying_stage_changed"

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

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
        stage = d.pop("stage")

        type_ = cast(Literal["buying_stage_changed"] | Unset, d.pop("type", UNSET))
        if type_ != "buying_stage_changed" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'buying_stage_changed', got '{type_}'")

        buying_stage_trigger = cls(
            stage=stage,
            type_=type_,
        )

        return buying_stage_trigger

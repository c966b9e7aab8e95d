from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transition_pair_from_stage import TransitionPairFromStage
from ..models.transition_pair_to_stage import TransitionPairToStage

T = TypeVar("T", bound="TransitionPair")


@_attrs_define
class TransitionPair:
    """
    Attributes:
        from_stage (TransitionPairFromStage):
        to_stage (TransitionPairToStage):
    """

    from_stage: TransitionPairFromStage
    to_stage: TransitionPairToStage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_stage = self.from_stage.value

        to_stage = self.to_stage.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_stage": from_stage,
                "to_stage": to_stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_stage = TransitionPairFromStage(d.pop("from_stage"))

        to_stage = TransitionPairToStage(d.pop("to_stage"))

        transition_pair = cls(
            from_stage=from_stage,
            to_stage=to_stage,
        )

        transition_pair.additional_properties = d
        return transition_pair

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

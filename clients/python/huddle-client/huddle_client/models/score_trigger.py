from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScoreTrigger")


@_attrs_define
class ScoreTrigger:
    """The headline score at or above ``threshold`` after a scoring pass.

    Attributes:
        threshold (int):
        type_ (Literal['score_reached'] | Unset):  Default: 'score_reached'.
    """

    threshold: int
    type_: Literal["score_reached"] | Unset = "score_reached"

    def to_dict(self) -> dict[str, Any]:
        threshold = self.threshold

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "threshold": threshold,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        threshold = d.pop("threshold")

        type_ = cast(Literal["score_reached"] | Unset, d.pop("type", UNSET))
        if type_ != "score_reached" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'score_reached', got '{type_}'")

        score_trigger = cls(
            threshold=threshold,
            type_=type_,
        )

        return score_trigger

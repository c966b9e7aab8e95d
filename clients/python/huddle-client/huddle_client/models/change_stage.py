from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.change_stage_stage import ChangeStageStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeStage")


@_attrs_define
class ChangeStage:
    """Through lifecycle's allowed moves; a move not allowed is skipped, with the reason.

    Attributes:
        id (str):
        stage (ChangeStageStage):
        next_ (None | str | Unset):
        kind (Literal['change_stage'] | Unset):  Default: 'change_stage'.
    """

    id: str
    stage: ChangeStageStage
    next_: None | str | Unset = UNSET
    kind: Literal["change_stage"] | Unset = "change_stage"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        stage = self.stage.value

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "stage": stage,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        stage = ChangeStageStage(d.pop("stage"))

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["change_stage"] | Unset, d.pop("kind", UNSET))
        if kind != "change_stage" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'change_stage', got '{kind}'")

        change_stage = cls(
            id=id,
            stage=stage,
            next_=next_,
            kind=kind,
        )

        return change_stage

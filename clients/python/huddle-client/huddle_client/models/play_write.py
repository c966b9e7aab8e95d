from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.play_step import PlayStep


T = TypeVar("T", bound="PlayWrite")


@_attrs_define
class PlayWrite:
    """
    Attributes:
        name (str):
        description (None | str | Unset):
        buying_stage (None | str | Unset):
        steps (list[PlayStep] | Unset):
    """

    name: str
    description: None | str | Unset = UNSET
    buying_stage: None | str | Unset = UNSET
    steps: list[PlayStep] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        buying_stage: None | str | Unset
        if isinstance(self.buying_stage, Unset):
            buying_stage = UNSET
        else:
            buying_stage = self.buying_stage

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if buying_stage is not UNSET:
            field_dict["buying_stage"] = buying_stage
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.play_step import PlayStep  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_buying_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        buying_stage = _parse_buying_stage(d.pop("buying_stage", UNSET))

        _steps = d.pop("steps", UNSET)
        steps: list[PlayStep] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = PlayStep.from_dict(steps_item_data)

                steps.append(steps_item)

        play_write = cls(
            name=name,
            description=description,
            buying_stage=buying_stage,
            steps=steps,
        )

        return play_write

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.play_read_status import PlayReadStatus

if TYPE_CHECKING:
    from ..models.play_step import PlayStep


T = TypeVar("T", bound="PlayRead")


@_attrs_define
class PlayRead:
    """
    Attributes:
        id (int):
        name (str):
        description (None | str):
        buying_stage (None | str):
        status (PlayReadStatus):
        steps (list[PlayStep]):
        library_key (None | str):
        created_at (datetime.datetime):
    """

    id: int
    name: str
    description: None | str
    buying_stage: None | str
    status: PlayReadStatus
    steps: list[PlayStep]
    library_key: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str
        description = self.description

        buying_stage: None | str
        buying_stage = self.buying_stage

        status = self.status.value

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        library_key: None | str
        library_key = self.library_key

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "buying_stage": buying_stage,
                "status": status,
                "steps": steps,
                "library_key": library_key,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.play_step import PlayStep  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_buying_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        buying_stage = _parse_buying_stage(d.pop("buying_stage"))

        status = PlayReadStatus(d.pop("status"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = PlayStep.from_dict(steps_item_data)

            steps.append(steps_item)

        def _parse_library_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        library_key = _parse_library_key(d.pop("library_key"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        play_read = cls(
            id=id,
            name=name,
            description=description,
            buying_stage=buying_stage,
            status=status,
            steps=steps,
            library_key=library_key,
            created_at=created_at,
        )

        play_read.additional_properties = d
        return play_read

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

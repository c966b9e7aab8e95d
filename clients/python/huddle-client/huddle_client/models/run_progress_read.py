from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_progress_read_status import RunProgressReadStatus

if TYPE_CHECKING:
    from ..models.play_step import PlayStep
    from ..models.run_step_read import RunStepRead


T = TypeVar("T", bound="RunProgressRead")


@_attrs_define
class RunProgressRead:
    """
    Attributes:
        id (int):
        play_id (int):
        contact_id (int):
        position (int):
        status (RunProgressReadStatus):
        reason (str):
        started_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        play (str):
        steps (list[PlayStep]):
        reached (list[RunStepRead]):
    """

    id: int
    play_id: int
    contact_id: int
    position: int
    status: RunProgressReadStatus
    reason: str
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    play: str
    steps: list[PlayStep]
    reached: list[RunStepRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        play_id = self.play_id

        contact_id = self.contact_id

        position = self.position

        status = self.status.value

        reason = self.reason

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        play = self.play

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        reached = []
        for reached_item_data in self.reached:
            reached_item = reached_item_data.to_dict()
            reached.append(reached_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "play_id": play_id,
                "contact_id": contact_id,
                "position": position,
                "status": status,
                "reason": reason,
                "started_at": started_at,
                "finished_at": finished_at,
                "play": play,
                "steps": steps,
                "reached": reached,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.play_step import PlayStep  # noqa: PLC0415
        from ..models.run_step_read import RunStepRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        play_id = d.pop("play_id")

        contact_id = d.pop("contact_id")

        position = d.pop("position")

        status = RunProgressReadStatus(d.pop("status"))

        reason = d.pop("reason")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        play = d.pop("play")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = PlayStep.from_dict(steps_item_data)

            steps.append(steps_item)

        reached = []
        _reached = d.pop("reached")
        for reached_item_data in _reached:
            reached_item = RunStepRead.from_dict(reached_item_data)

            reached.append(reached_item)

        run_progress_read = cls(
            id=id,
            play_id=play_id,
            contact_id=contact_id,
            position=position,
            status=status,
            reason=reason,
            started_at=started_at,
            finished_at=finished_at,
            play=play,
            steps=steps,
            reached=reached,
        )

        run_progress_read.additional_properties = d
        return run_progress_read

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

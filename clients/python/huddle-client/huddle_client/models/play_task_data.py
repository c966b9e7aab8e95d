from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlayTaskData")


@_attrs_define
class PlayTaskData:
    """``play.task``: the task (a play's step), its play, the contact and when it is due.

    Attributes:
        task_id (int):
        play_id (int):
        contact_id (int):
        due_at (datetime.datetime | None):
    """

    task_id: int
    play_id: int
    contact_id: int
    due_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        play_id = self.play_id

        contact_id = self.contact_id

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "task_id": task_id,
                "play_id": play_id,
                "contact_id": contact_id,
                "due_at": due_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        play_id = d.pop("play_id")

        contact_id = d.pop("contact_id")

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        play_task_data = cls(
            task_id=task_id,
            play_id=play_id,
            contact_id=contact_id,
            due_at=due_at,
        )

        return play_task_data

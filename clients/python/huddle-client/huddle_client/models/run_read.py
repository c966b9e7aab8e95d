from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_read_status import RunReadStatus

T = TypeVar("T", bound="RunRead")


@_attrs_define
class RunRead:
    """
    Attributes:
        id (int):
        play_id (int):
        contact_id (int):
        position (int):
        status (RunReadStatus):
        reason (str):
        started_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: int
    play_id: int
    contact_id: int
    position: int
    status: RunReadStatus
    reason: str
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        play_id = d.pop("play_id")

        contact_id = d.pop("contact_id")

        position = d.pop("position")

        status = RunReadStatus(d.pop("status"))

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

        run_read = cls(
            id=id,
            play_id=play_id,
            contact_id=contact_id,
            position=position,
            status=status,
            reason=reason,
            started_at=started_at,
            finished_at=finished_at,
        )

        run_read.additional_properties = d
        return run_read

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

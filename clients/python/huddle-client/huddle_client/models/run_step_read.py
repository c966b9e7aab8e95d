from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_step_read_status import RunStepReadStatus

T = TypeVar("T", bound="RunStepRead")


@_attrs_define
class RunStepRead:
    """
    Attributes:
        id (int):
        position (int):
        owner (str):
        title (str):
        status (RunStepReadStatus):
        assignee_id (int | None):
        due_at (datetime.datetime | None):
        detail (None | str):
        done_at (datetime.datetime | None):
        done_by (None | str):
    """

    id: int
    position: int
    owner: str
    title: str
    status: RunStepReadStatus
    assignee_id: int | None
    due_at: datetime.datetime | None
    detail: None | str
    done_at: datetime.datetime | None
    done_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        owner = self.owner

        title = self.title

        status = self.status.value

        assignee_id: int | None
        assignee_id = self.assignee_id

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        detail: None | str
        detail = self.detail

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        done_by: None | str
        done_by = self.done_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "owner": owner,
                "title": title,
                "status": status,
                "assignee_id": assignee_id,
                "due_at": due_at,
                "detail": detail,
                "done_at": done_at,
                "done_by": done_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        owner = d.pop("owner")

        title = d.pop("title")

        status = RunStepReadStatus(d.pop("status"))

        def _parse_assignee_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id"))

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

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        def _parse_done_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        done_by = _parse_done_by(d.pop("done_by"))

        run_step_read = cls(
            id=id,
            position=position,
            owner=owner,
            title=title,
            status=status,
            assignee_id=assignee_id,
            due_at=due_at,
            detail=detail,
            done_at=done_at,
            done_by=done_by,
        )

        run_step_read.additional_properties = d
        return run_step_read

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

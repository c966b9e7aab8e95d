from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrolment_read_status import EnrolmentReadStatus

T = TypeVar("T", bound="EnrolmentRead")


@_attrs_define
class EnrolmentRead:
    """
    Attributes:
        id (int):
        workflow_id (int):
        contact_id (int):
        step_id (None | str):
        status (EnrolmentReadStatus):
        next_run_at (datetime.datetime | None):
        enrolled_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        reason (None | str):
    """

    id: int
    workflow_id: int
    contact_id: int
    step_id: None | str
    status: EnrolmentReadStatus
    next_run_at: datetime.datetime | None
    enrolled_at: datetime.datetime
    finished_at: datetime.datetime | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workflow_id = self.workflow_id

        contact_id = self.contact_id

        step_id: None | str
        step_id = self.step_id

        status = self.status.value

        next_run_at: None | str
        if isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at

        enrolled_at = self.enrolled_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "workflow_id": workflow_id,
                "contact_id": contact_id,
                "step_id": step_id,
                "status": status,
                "next_run_at": next_run_at,
                "enrolled_at": enrolled_at,
                "finished_at": finished_at,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        workflow_id = d.pop("workflow_id")

        contact_id = d.pop("contact_id")

        def _parse_step_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        step_id = _parse_step_id(d.pop("step_id"))

        status = EnrolmentReadStatus(d.pop("status"))

        def _parse_next_run_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at"))

        enrolled_at = datetime.datetime.fromisoformat(d.pop("enrolled_at"))

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

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        enrolment_read = cls(
            id=id,
            workflow_id=workflow_id,
            contact_id=contact_id,
            step_id=step_id,
            status=status,
            next_run_at=next_run_at,
            enrolled_at=enrolled_at,
            finished_at=finished_at,
            reason=reason,
        )

        enrolment_read.additional_properties = d
        return enrolment_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WorkflowNoticeData")


@_attrs_define
class WorkflowNoticeData:
    """``workflow.task``, ``workflow.notice``: the workflow, its step and the contact.

    Attributes:
        workflow_id (int):
        step_id (str):
        contact_id (int):
    """

    workflow_id: int
    step_id: str
    contact_id: int

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        step_id = self.step_id

        contact_id = self.contact_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "workflow_id": workflow_id,
                "step_id": step_id,
                "contact_id": contact_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        step_id = d.pop("step_id")

        contact_id = d.pop("contact_id")

        workflow_notice_data = cls(
            workflow_id=workflow_id,
            step_id=step_id,
            contact_id=contact_id,
        )

        return workflow_notice_data

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WorkflowStepItemData")


@_attrs_define
class WorkflowStepItemData:
    """A ``workflow_step`` item's data: a step a workflow ran for the contact.

    Attributes:
        workflow_id (int):
        step_id (str):
        step_kind (str):
        outcome (str): done, yes, no, event, timeout, skipped, exited, failed
    """

    workflow_id: int
    step_id: str
    step_kind: str
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        step_id = self.step_id

        step_kind = self.step_kind

        outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "workflow_id": workflow_id,
                "step_id": step_id,
                "step_kind": step_kind,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        step_id = d.pop("step_id")

        step_kind = d.pop("step_kind")

        outcome = d.pop("outcome")

        workflow_step_item_data = cls(
            workflow_id=workflow_id,
            step_id=step_id,
            step_kind=step_kind,
            outcome=outcome,
        )

        return workflow_step_item_data

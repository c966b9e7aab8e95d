from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrolInWorkflow")


@_attrs_define
class EnrolInWorkflow:
    """
    Attributes:
        id (str):
        workflow_id (int):
        next_ (None | str | Unset):
        kind (Literal['enrol'] | Unset):  Default: 'enrol'.
    """

    id: str
    workflow_id: int
    next_: None | str | Unset = UNSET
    kind: Literal["enrol"] | Unset = "enrol"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workflow_id = self.workflow_id

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
                "workflow_id": workflow_id,
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

        workflow_id = d.pop("workflow_id")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["enrol"] | Unset, d.pop("kind", UNSET))
        if kind != "enrol" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'enrol', got '{kind}'")

        enrol_in_workflow = cls(
            id=id,
            workflow_id=workflow_id,
            next_=next_,
            kind=kind,
        )

        return enrol_in_workflow

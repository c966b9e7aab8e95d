from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StepCounts")


@_attrs_define
class StepCounts:
    """
    Attributes:
        step_id (str):
        waiting (int):
        went_through (int):
        exited (int):
    """

    step_id: str
    waiting: int
    went_through: int
    exited: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step_id = self.step_id

        waiting = self.waiting

        went_through = self.went_through

        exited = self.exited

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step_id": step_id,
                "waiting": waiting,
                "went_through": went_through,
                "exited": exited,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        step_id = d.pop("step_id")

        waiting = d.pop("waiting")

        went_through = d.pop("went_through")

        exited = d.pop("exited")

        step_counts = cls(
            step_id=step_id,
            waiting=waiting,
            went_through=went_through,
            exited=exited,
        )

        step_counts.additional_properties = d
        return step_counts

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

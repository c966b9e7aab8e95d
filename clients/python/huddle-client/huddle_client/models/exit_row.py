from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExitRow")


@_attrs_define
class ExitRow:
    """
    Attributes:
        stage (str): The funnel stage contacts left
        label (str): The stage as the pages name it
        lost (int):
        disqualified (int):
        recycled (int):
        in_stage (int): Contacts in the stage now
        stalled (int): Of those, how many entered it more than ``stall_days`` ago
    """

    stage: str
    label: str
    lost: int
    disqualified: int
    recycled: int
    in_stage: int
    stalled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        label = self.label

        lost = self.lost

        disqualified = self.disqualified

        recycled = self.recycled

        in_stage = self.in_stage

        stalled = self.stalled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "label": label,
                "lost": lost,
                "disqualified": disqualified,
                "recycled": recycled,
                "in_stage": in_stage,
                "stalled": stalled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = d.pop("stage")

        label = d.pop("label")

        lost = d.pop("lost")

        disqualified = d.pop("disqualified")

        recycled = d.pop("recycled")

        in_stage = d.pop("in_stage")

        stalled = d.pop("stalled")

        exit_row = cls(
            stage=stage,
            label=label,
            lost=lost,
            disqualified=disqualified,
            recycled=recycled,
            in_stage=in_stage,
            stalled=stalled,
        )

        exit_row.additional_properties = d
        return exit_row

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

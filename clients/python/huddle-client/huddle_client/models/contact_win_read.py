from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactWinRead")


@_attrs_define
class ContactWinRead:
    """What winning the deal did to one of its contacts.

    Attributes:
        contact_id (int):
        from_stage (str): The contact's stage before the deal was won
        stages (list[str]): The stages the contact entered, in order, Customer last; empty when it did not move (already
            a customer, or no allowed way: see problem)
        problem (None | str): Why the contact did not become a customer; null when it did or already was
    """

    contact_id: int
    from_stage: str
    stages: list[str]
    problem: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_id = self.contact_id

        from_stage = self.from_stage

        stages = self.stages

        problem: None | str
        problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "from_stage": from_stage,
                "stages": stages,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        from_stage = d.pop("from_stage")

        stages = cast(list[str], d.pop("stages"))

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))

        contact_win_read = cls(
            contact_id=contact_id,
            from_stage=from_stage,
            stages=stages,
            problem=problem,
        )

        contact_win_read.additional_properties = d
        return contact_win_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GradeRead")


@_attrs_define
class GradeRead:
    """
    Attributes:
        grade (str):
        fit (float):
        icp_match (float):
        persona (None | str):
        persona_match (float):
        why (list[str]):
    """

    grade: str
    fit: float
    icp_match: float
    persona: None | str
    persona_match: float
    why: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        fit = self.fit

        icp_match = self.icp_match

        persona: None | str
        persona = self.persona

        persona_match = self.persona_match

        why = self.why

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "fit": fit,
                "icp_match": icp_match,
                "persona": persona,
                "persona_match": persona_match,
                "why": why,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        fit = d.pop("fit")

        icp_match = d.pop("icp_match")

        def _parse_persona(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        persona = _parse_persona(d.pop("persona"))

        persona_match = d.pop("persona_match")

        why = cast(list[str], d.pop("why"))

        grade_read = cls(
            grade=grade,
            fit=fit,
            icp_match=icp_match,
            persona=persona,
            persona_match=persona_match,
            why=why,
        )

        grade_read.additional_properties = d
        return grade_read

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

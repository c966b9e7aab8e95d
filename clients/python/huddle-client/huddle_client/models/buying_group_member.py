from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BuyingGroupMember")


@_attrs_define
class BuyingGroupMember:
    """
    Attributes:
        contact_id (int):
        name (str):
        job_title (None | str):
        persona (None | str):
        grade (None | str):
        score (float):
    """

    contact_id: int
    name: str
    job_title: None | str
    persona: None | str
    grade: None | str
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_id = self.contact_id

        name = self.name

        job_title: None | str
        job_title = self.job_title

        persona: None | str
        persona = self.persona

        grade: None | str
        grade = self.grade

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "name": name,
                "job_title": job_title,
                "persona": persona,
                "grade": grade,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        name = d.pop("name")

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        def _parse_persona(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        persona = _parse_persona(d.pop("persona"))

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))

        score = d.pop("score")

        buying_group_member = cls(
            contact_id=contact_id,
            name=name,
            job_title=job_title,
            persona=persona,
            grade=grade,
            score=score,
        )

        buying_group_member.additional_properties = d
        return buying_group_member

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

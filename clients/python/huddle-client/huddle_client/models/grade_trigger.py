from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grade_trigger_grade import GradeTriggerGrade
from ..types import UNSET, Unset

T = TypeVar("T", bound="GradeTrigger")


@_attrs_define
class GradeTrigger:
    """The contact's fit grade is ``grade`` after a scoring pass that changed its scores
    (the re-enrolment policy keeps a contact graded so again from enrolling again).

        Attributes:
            grade (GradeTriggerGrade):
            type_ (Literal['grade_changed'] | Unset):  Default: 'grade_changed'.
    """

    grade: GradeTriggerGrade
    type_: Literal["grade_changed"] | Unset = "grade_changed"

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade.value

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = GradeTriggerGrade(d.pop("grade"))

        type_ = cast(Literal["grade_changed"] | Unset, d.pop("type", UNSET))
        if type_ != "grade_changed" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'grade_changed', got '{type_}'")

        grade_trigger = cls(
            grade=grade,
            type_=type_,
        )

        return grade_trigger

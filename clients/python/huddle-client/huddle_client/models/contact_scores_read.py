from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grade_read import GradeRead
    from ..models.model_breakdown import ModelBreakdown


T = TypeVar("T", bound="ContactScoresRead")


@_attrs_define
class ContactScoresRead:
    """
    Attributes:
        contact_id (int):
        as_of (datetime.datetime):
        models (list[ModelBreakdown]):
        grade (GradeRead | None):
        reset_at (datetime.datetime | None | Unset):
        reset_reason (None | str | Unset):
    """

    contact_id: int
    as_of: datetime.datetime
    models: list[ModelBreakdown]
    grade: GradeRead | None
    reset_at: datetime.datetime | None | Unset = UNSET
    reset_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade_read import GradeRead  # noqa: PLC0415

        contact_id = self.contact_id

        as_of = self.as_of.isoformat()

        models = []
        for models_item_data in self.models:
            models_item = models_item_data.to_dict()
            models.append(models_item)

        grade: dict[str, Any] | None
        if isinstance(self.grade, GradeRead):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        reset_at: None | str | Unset
        if isinstance(self.reset_at, Unset):
            reset_at = UNSET
        elif isinstance(self.reset_at, datetime.datetime):
            reset_at = self.reset_at.isoformat()
        else:
            reset_at = self.reset_at

        reset_reason: None | str | Unset
        if isinstance(self.reset_reason, Unset):
            reset_reason = UNSET
        else:
            reset_reason = self.reset_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "as_of": as_of,
                "models": models,
                "grade": grade,
            }
        )
        if reset_at is not UNSET:
            field_dict["reset_at"] = reset_at
        if reset_reason is not UNSET:
            field_dict["reset_reason"] = reset_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_read import GradeRead  # noqa: PLC0415
        from ..models.model_breakdown import ModelBreakdown  # noqa: PLC0415

        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        models = []
        _models = d.pop("models")
        for models_item_data in _models:
            models_item = ModelBreakdown.from_dict(models_item_data)

            models.append(models_item)

        def _parse_grade(data: object) -> GradeRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                grade_type_0 = GradeRead.from_dict(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradeRead | None, data)

        grade = _parse_grade(d.pop("grade"))

        def _parse_reset_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reset_at_type_0 = datetime.datetime.fromisoformat(data)

                return reset_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reset_at = _parse_reset_at(d.pop("reset_at", UNSET))

        def _parse_reset_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reset_reason = _parse_reset_reason(d.pop("reset_reason", UNSET))

        contact_scores_read = cls(
            contact_id=contact_id,
            as_of=as_of,
            models=models,
            grade=grade,
            reset_at=reset_at,
            reset_reason=reset_reason,
        )

        contact_scores_read.additional_properties = d
        return contact_scores_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanStage")


@_attrs_define
class PlanStage:
    """
    Attributes:
        stage (str):
        label (str):
        needed (int | None): Contacts that must reach the stage; null: unknown
        by (datetime.date | None): The day they must have reached it by
        conversion_percent (float | None): History: reached the next stage of those that reached this one
        median_days_to_next (float | None):
        problem (None | str): Why the plan stops here, when it does
    """

    stage: str
    label: str
    needed: int | None
    by: datetime.date | None
    conversion_percent: float | None
    median_days_to_next: float | None
    problem: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        label = self.label

        needed: int | None
        needed = self.needed

        by: None | str
        if isinstance(self.by, datetime.date):
            by = self.by.isoformat()
        else:
            by = self.by

        conversion_percent: float | None
        conversion_percent = self.conversion_percent

        median_days_to_next: float | None
        median_days_to_next = self.median_days_to_next

        problem: None | str
        problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "label": label,
                "needed": needed,
                "by": by,
                "conversion_percent": conversion_percent,
                "median_days_to_next": median_days_to_next,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = d.pop("stage")

        label = d.pop("label")

        def _parse_needed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        needed = _parse_needed(d.pop("needed"))

        def _parse_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                by_type_0 = datetime.date.fromisoformat(data)

                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        by = _parse_by(d.pop("by"))

        def _parse_conversion_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion_percent = _parse_conversion_percent(d.pop("conversion_percent"))

        def _parse_median_days_to_next(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days_to_next = _parse_median_days_to_next(d.pop("median_days_to_next"))

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))

        plan_stage = cls(
            stage=stage,
            label=label,
            needed=needed,
            by=by,
            conversion_percent=conversion_percent,
            median_days_to_next=median_days_to_next,
            problem=problem,
        )

        plan_stage.additional_properties = d
        return plan_stage

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

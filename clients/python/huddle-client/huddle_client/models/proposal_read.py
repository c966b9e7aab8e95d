from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProposalRead")


@_attrs_define
class ProposalRead:
    """
    Attributes:
        id (int):
        status (str): draft, applied or dismissed
        score_model_id (int):
        threshold (float):
        months (int):
        objective (str):
        capacity (int | None):
        expected_per_month (float):
        acceptance_percent (float | None):
        reasoning (str):
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
    """

    id: int
    status: str
    score_model_id: int
    threshold: float
    months: int
    objective: str
    capacity: int | None
    expected_per_month: float
    acceptance_percent: float | None
    reasoning: str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        score_model_id = self.score_model_id

        threshold = self.threshold

        months = self.months

        objective = self.objective

        capacity: int | None
        capacity = self.capacity

        expected_per_month = self.expected_per_month

        acceptance_percent: float | None
        acceptance_percent = self.acceptance_percent

        reasoning = self.reasoning

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "score_model_id": score_model_id,
                "threshold": threshold,
                "months": months,
                "objective": objective,
                "capacity": capacity,
                "expected_per_month": expected_per_month,
                "acceptance_percent": acceptance_percent,
                "reasoning": reasoning,
                "created_at": created_at,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        score_model_id = d.pop("score_model_id")

        threshold = d.pop("threshold")

        months = d.pop("months")

        objective = d.pop("objective")

        def _parse_capacity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity = _parse_capacity(d.pop("capacity"))

        expected_per_month = d.pop("expected_per_month")

        def _parse_acceptance_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        acceptance_percent = _parse_acceptance_percent(d.pop("acceptance_percent"))

        reasoning = d.pop("reasoning")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        proposal_read = cls(
            id=id,
            status=status,
            score_model_id=score_model_id,
            threshold=threshold,
            months=months,
            objective=objective,
            capacity=capacity,
            expected_per_month=expected_per_month,
            acceptance_percent=acceptance_percent,
            reasoning=reasoning,
            created_at=created_at,
            decided_at=decided_at,
        )

        proposal_read.additional_properties = d
        return proposal_read

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

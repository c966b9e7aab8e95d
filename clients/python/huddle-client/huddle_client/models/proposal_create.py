from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.objective import Objective
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalCreate")


@_attrs_define
class ProposalCreate:
    """The feedback loop's settings whose best threshold is proposed.

    Attributes:
        months (int | Unset):  Default: 6.
        stage (str | Unset):  Default: 'sql'.
        capacity (int | None | Unset):
        objective (Objective | Unset):
    """

    months: int | Unset = 6
    stage: str | Unset = "sql"
    capacity: int | None | Unset = UNSET
    objective: Objective | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        months = self.months

        stage = self.stage

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        objective: str | Unset = UNSET
        if not isinstance(self.objective, Unset):
            objective = self.objective.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if months is not UNSET:
            field_dict["months"] = months
        if stage is not UNSET:
            field_dict["stage"] = stage
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if objective is not UNSET:
            field_dict["objective"] = objective

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        months = d.pop("months", UNSET)

        stage = d.pop("stage", UNSET)

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

        _objective = d.pop("objective", UNSET)
        objective: Objective | Unset
        if isinstance(_objective, Unset):
            objective = UNSET
        else:
            objective = Objective(_objective)

        proposal_create = cls(
            months=months,
            stage=stage,
            capacity=capacity,
            objective=objective,
        )

        return proposal_create

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.objective import Objective

if TYPE_CHECKING:
    from ..models.threshold_point_read import ThresholdPointRead
    from ..models.trait_lift import TraitLift


T = TypeVar("T", bound="FeedbackLoopRead")


@_attrs_define
class FeedbackLoopRead:
    """
    Attributes:
        since (datetime.datetime):
        until (datetime.datetime):
        months (int):
        stage (str): The stage a contact must have reached to count as converted
        total (int): Contacts created in the window
        converted (int): Of those, how many reached ``stage``
        base_rate (float | None): converted / total (0..1)
        traits (list[TraitLift]): Ranked: the highest lift first
        score_model_id (int | None): The primary score model the threshold reads
        capacity (int | None): Sales capacity: at most this many MQLs a month
        objective (Objective):
        best (None | ThresholdPointRead): The threshold the objective prefers within capacity; null when none fits
        curve (list[ThresholdPointRead]): Every candidate threshold, lowest first
    """

    since: datetime.datetime
    until: datetime.datetime
    months: int
    stage: str
    total: int
    converted: int
    base_rate: float | None
    traits: list[TraitLift]
    score_model_id: int | None
    capacity: int | None
    objective: Objective
    best: None | ThresholdPointRead
    curve: list[ThresholdPointRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.threshold_point_read import ThresholdPointRead  # noqa: PLC0415

        since = self.since.isoformat()

        until = self.until.isoformat()

        months = self.months

        stage = self.stage

        total = self.total

        converted = self.converted

        base_rate: float | None
        base_rate = self.base_rate

        traits = []
        for traits_item_data in self.traits:
            traits_item = traits_item_data.to_dict()
            traits.append(traits_item)

        score_model_id: int | None
        score_model_id = self.score_model_id

        capacity: int | None
        capacity = self.capacity

        objective = self.objective.value

        best: dict[str, Any] | None
        if isinstance(self.best, ThresholdPointRead):
            best = self.best.to_dict()
        else:
            best = self.best

        curve = []
        for curve_item_data in self.curve:
            curve_item = curve_item_data.to_dict()
            curve.append(curve_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "months": months,
                "stage": stage,
                "total": total,
                "converted": converted,
                "base_rate": base_rate,
                "traits": traits,
                "score_model_id": score_model_id,
                "capacity": capacity,
                "objective": objective,
                "best": best,
                "curve": curve,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.threshold_point_read import ThresholdPointRead  # noqa: PLC0415
        from ..models.trait_lift import TraitLift  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        months = d.pop("months")

        stage = d.pop("stage")

        total = d.pop("total")

        converted = d.pop("converted")

        def _parse_base_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        base_rate = _parse_base_rate(d.pop("base_rate"))

        traits = []
        _traits = d.pop("traits")
        for traits_item_data in _traits:
            traits_item = TraitLift.from_dict(traits_item_data)

            traits.append(traits_item)

        def _parse_score_model_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        score_model_id = _parse_score_model_id(d.pop("score_model_id"))

        def _parse_capacity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity = _parse_capacity(d.pop("capacity"))

        objective = Objective(d.pop("objective"))

        def _parse_best(data: object) -> None | ThresholdPointRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                best_type_0 = ThresholdPointRead.from_dict(data)

                return best_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ThresholdPointRead, data)

        best = _parse_best(d.pop("best"))

        curve = []
        _curve = d.pop("curve")
        for curve_item_data in _curve:
            curve_item = ThresholdPointRead.from_dict(curve_item_data)

            curve.append(curve_item)

        feedback_loop_read = cls(
            since=since,
            until=until,
            months=months,
            stage=stage,
            total=total,
            converted=converted,
            base_rate=base_rate,
            traits=traits,
            score_model_id=score_model_id,
            capacity=capacity,
            objective=objective,
            best=best,
            curve=curve,
        )

        feedback_loop_read.additional_properties = d
        return feedback_loop_read

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

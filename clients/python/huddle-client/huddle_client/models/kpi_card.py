from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kpi_card_goal_status_type_0 import KpiCardGoalStatusType0
from ..models.kpi_card_metric import KpiCardMetric

if TYPE_CHECKING:
    from ..models.goal_read import GoalRead
    from ..models.pacing_point import PacingPoint


T = TypeVar("T", bound="KpiCard")


@_attrs_define
class KpiCard:
    """
    Attributes:
        metric (KpiCardMetric):
        label (str):
        kind (str):
        value (float | None):
        previous (float | None): The same number of days just before
        change_percent (float | None): Change from the previous; null from 0
        trend (list[PacingPoint]): The value per part of the range, oldest first
        goal (GoalRead | None): A goal on the metric overlapping the range
        goal_status (KpiCardGoalStatusType0 | None):
    """

    metric: KpiCardMetric
    label: str
    kind: str
    value: float | None
    previous: float | None
    change_percent: float | None
    trend: list[PacingPoint]
    goal: GoalRead | None
    goal_status: KpiCardGoalStatusType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.goal_read import GoalRead  # noqa: PLC0415

        metric = self.metric.value

        label = self.label

        kind = self.kind

        value: float | None
        value = self.value

        previous: float | None
        previous = self.previous

        change_percent: float | None
        change_percent = self.change_percent

        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)

        goal: dict[str, Any] | None
        if isinstance(self.goal, GoalRead):
            goal = self.goal.to_dict()
        else:
            goal = self.goal

        goal_status: None | str
        if isinstance(self.goal_status, KpiCardGoalStatusType0):
            goal_status = self.goal_status.value
        else:
            goal_status = self.goal_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "label": label,
                "kind": kind,
                "value": value,
                "previous": previous,
                "change_percent": change_percent,
                "trend": trend,
                "goal": goal,
                "goal_status": goal_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_read import GoalRead  # noqa: PLC0415
        from ..models.pacing_point import PacingPoint  # noqa: PLC0415

        d = dict(src_dict)
        metric = KpiCardMetric(d.pop("metric"))

        label = d.pop("label")

        kind = d.pop("kind")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_previous(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        previous = _parse_previous(d.pop("previous"))

        def _parse_change_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_percent = _parse_change_percent(d.pop("change_percent"))

        trend = []
        _trend = d.pop("trend")
        for trend_item_data in _trend:
            trend_item = PacingPoint.from_dict(trend_item_data)

            trend.append(trend_item)

        def _parse_goal(data: object) -> GoalRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                goal_type_0 = GoalRead.from_dict(data)

                return goal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GoalRead | None, data)

        goal = _parse_goal(d.pop("goal"))

        def _parse_goal_status(data: object) -> KpiCardGoalStatusType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                goal_status_type_0 = KpiCardGoalStatusType0(data)

                return goal_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KpiCardGoalStatusType0 | None, data)

        goal_status = _parse_goal_status(d.pop("goal_status"))

        kpi_card = cls(
            metric=metric,
            label=label,
            kind=kind,
            value=value,
            previous=previous,
            change_percent=change_percent,
            trend=trend,
            goal=goal,
            goal_status=goal_status,
        )

        kpi_card.additional_properties = d
        return kpi_card

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

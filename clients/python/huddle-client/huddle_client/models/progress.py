from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_metric import ProgressMetric
from ..models.progress_status import ProgressStatus

if TYPE_CHECKING:
    from ..models.pacing_point import PacingPoint


T = TypeVar("T", bound="Progress")


@_attrs_define
class Progress:
    """
    Attributes:
        goal_id (int):
        metric (ProgressMetric):
        target (float):
        today (datetime.date): Today in the workspace's time zone
        through (datetime.date | None): The last day counted; null before the start
        value (float | None): The metric so far; null when it has no value
        percent_of_target (float | None):
        elapsed_days (int):
        total_days (int):
        projected (float | None): Projected end value: counts and amounts linear on the elapsed share of days, ratios
            and durations as they are so far
        status (ProgressStatus):
        finished (bool): The period is over: the value is final
        series (list[PacingPoint]): Value so far at up to 8 days, for the chart
    """

    goal_id: int
    metric: ProgressMetric
    target: float
    today: datetime.date
    through: datetime.date | None
    value: float | None
    percent_of_target: float | None
    elapsed_days: int
    total_days: int
    projected: float | None
    status: ProgressStatus
    finished: bool
    series: list[PacingPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        goal_id = self.goal_id

        metric = self.metric.value

        target = self.target

        today = self.today.isoformat()

        through: None | str
        if isinstance(self.through, datetime.date):
            through = self.through.isoformat()
        else:
            through = self.through

        value: float | None
        value = self.value

        percent_of_target: float | None
        percent_of_target = self.percent_of_target

        elapsed_days = self.elapsed_days

        total_days = self.total_days

        projected: float | None
        projected = self.projected

        status = self.status.value

        finished = self.finished

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "goal_id": goal_id,
                "metric": metric,
                "target": target,
                "today": today,
                "through": through,
                "value": value,
                "percent_of_target": percent_of_target,
                "elapsed_days": elapsed_days,
                "total_days": total_days,
                "projected": projected,
                "status": status,
                "finished": finished,
                "series": series,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pacing_point import PacingPoint  # noqa: PLC0415

        d = dict(src_dict)
        goal_id = d.pop("goal_id")

        metric = ProgressMetric(d.pop("metric"))

        target = d.pop("target")

        today = datetime.date.fromisoformat(d.pop("today"))

        def _parse_through(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                through_type_0 = datetime.date.fromisoformat(data)

                return through_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        through = _parse_through(d.pop("through"))

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_percent_of_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent_of_target = _parse_percent_of_target(d.pop("percent_of_target"))

        elapsed_days = d.pop("elapsed_days")

        total_days = d.pop("total_days")

        def _parse_projected(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        projected = _parse_projected(d.pop("projected"))

        status = ProgressStatus(d.pop("status"))

        finished = d.pop("finished")

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = PacingPoint.from_dict(series_item_data)

            series.append(series_item)

        progress = cls(
            goal_id=goal_id,
            metric=metric,
            target=target,
            today=today,
            through=through,
            value=value,
            percent_of_target=percent_of_target,
            elapsed_days=elapsed_days,
            total_days=total_days,
            projected=projected,
            status=status,
            finished=finished,
            series=series,
        )

        progress.additional_properties = d
        return progress

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

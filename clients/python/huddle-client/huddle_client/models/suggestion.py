from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.suggestion_metric import SuggestionMetric

if TYPE_CHECKING:
    from ..models.suggestion_period import SuggestionPeriod


T = TypeVar("T", bound="Suggestion")


@_attrs_define
class Suggestion:
    """
    Attributes:
        metric (SuggestionMetric):
        starts_on (datetime.date):
        ends_on (datetime.date):
        trailing (list[SuggestionPeriod]): The three periods before, oldest first
        trend (float | None): The least-squares line through them, continued
        last_year (SuggestionPeriod):
        comfortable (float | None):
        suggested (float | None):
        stretch (float | None):
        reasoning (list[str]): How the band was found, in words
    """

    metric: SuggestionMetric
    starts_on: datetime.date
    ends_on: datetime.date
    trailing: list[SuggestionPeriod]
    trend: float | None
    last_year: SuggestionPeriod
    comfortable: float | None
    suggested: float | None
    stretch: float | None
    reasoning: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric.value

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        trailing = []
        for trailing_item_data in self.trailing:
            trailing_item = trailing_item_data.to_dict()
            trailing.append(trailing_item)

        trend: float | None
        trend = self.trend

        last_year = self.last_year.to_dict()

        comfortable: float | None
        comfortable = self.comfortable

        suggested: float | None
        suggested = self.suggested

        stretch: float | None
        stretch = self.stretch

        reasoning = self.reasoning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "trailing": trailing,
                "trend": trend,
                "last_year": last_year,
                "comfortable": comfortable,
                "suggested": suggested,
                "stretch": stretch,
                "reasoning": reasoning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suggestion_period import SuggestionPeriod  # noqa: PLC0415

        d = dict(src_dict)
        metric = SuggestionMetric(d.pop("metric"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        trailing = []
        _trailing = d.pop("trailing")
        for trailing_item_data in _trailing:
            trailing_item = SuggestionPeriod.from_dict(trailing_item_data)

            trailing.append(trailing_item)

        def _parse_trend(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        trend = _parse_trend(d.pop("trend"))

        last_year = SuggestionPeriod.from_dict(d.pop("last_year"))

        def _parse_comfortable(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        comfortable = _parse_comfortable(d.pop("comfortable"))

        def _parse_suggested(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        suggested = _parse_suggested(d.pop("suggested"))

        def _parse_stretch(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        stretch = _parse_stretch(d.pop("stretch"))

        reasoning = cast(list[str], d.pop("reasoning"))

        suggestion = cls(
            metric=metric,
            starts_on=starts_on,
            ends_on=ends_on,
            trailing=trailing,
            trend=trend,
            last_year=last_year,
            comfortable=comfortable,
            suggested=suggested,
            stretch=stretch,
            reasoning=reasoning,
        )

        suggestion.additional_properties = d
        return suggestion

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

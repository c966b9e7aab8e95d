from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_target_metric import PlanTargetMetric

if TYPE_CHECKING:
    from ..models.all_of import AllOf
    from ..models.any_of import AnyOf
    from ..models.between_comparison import BetweenComparison
    from ..models.date_comparison import DateComparison
    from ..models.equality_comparison import EqualityComparison
    from ..models.many_comparison import ManyComparison
    from ..models.no_value_comparison import NoValueComparison
    from ..models.not_of import NotOf
    from ..models.order_comparison import OrderComparison
    from ..models.plan_stage import PlanStage
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """
    Attributes:
        target_metric (PlanTargetMetric):
        target (float):
        starts_on (datetime.date):
        ends_on (datetime.date):
        history_start (datetime.date):
        history_end (datetime.date):
        segment (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf
            | NoValueComparison | OrderComparison | TextComparison | Touched):
        average_deal (float | None): Amount won ÷ deals won in the history
        customers_needed (int | None):
        stages (list[PlanStage]): Lead to Customer
        mqls_needed (int | None):
        complete (bool): Every stage's volume is known
        messages (list[str]): What the plan assumed or could not work out
    """

    target_metric: PlanTargetMetric
    target: float
    starts_on: datetime.date
    ends_on: datetime.date
    history_start: datetime.date
    history_end: datetime.date
    segment: (
        AllOf
        | AnyOf
        | BetweenComparison
        | DateComparison
        | EqualityComparison
        | ManyComparison
        | None
        | NotOf
        | NoValueComparison
        | OrderComparison
        | TextComparison
        | Touched
    )
    average_deal: float | None
    customers_needed: int | None
    stages: list[PlanStage]
    mqls_needed: int | None
    complete: bool
    messages: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        target_metric = self.target_metric.value

        target = self.target

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        history_start = self.history_start.isoformat()

        history_end = self.history_end.isoformat()

        segment: dict[str, Any] | None
        if isinstance(self.segment, NoValueComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, EqualityComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, OrderComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, DateComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, BetweenComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, ManyComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, TextComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, AllOf):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, AnyOf):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, NotOf):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, Touched):
            segment = self.segment.to_dict()
        else:
            segment = self.segment

        average_deal: float | None
        average_deal = self.average_deal

        customers_needed: int | None
        customers_needed = self.customers_needed

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        mqls_needed: int | None
        mqls_needed = self.mqls_needed

        complete = self.complete

        messages = self.messages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target_metric": target_metric,
                "target": target,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "history_start": history_start,
                "history_end": history_end,
                "segment": segment,
                "average_deal": average_deal,
                "customers_needed": customers_needed,
                "stages": stages,
                "mqls_needed": mqls_needed,
                "complete": complete,
                "messages": messages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.plan_stage import PlanStage  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)
        target_metric = PlanTargetMetric(d.pop("target_metric"))

        target = d.pop("target")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        history_start = datetime.date.fromisoformat(d.pop("history_start"))

        history_end = datetime.date.fromisoformat(d.pop("history_end"))

        def _parse_segment(
            data: object,
        ) -> (
            AllOf
            | AnyOf
            | BetweenComparison
            | DateComparison
            | EqualityComparison
            | ManyComparison
            | None
            | NotOf
            | NoValueComparison
            | OrderComparison
            | TextComparison
            | Touched
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_0 = NoValueComparison.from_dict(data)

                return segment_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_1 = EqualityComparison.from_dict(data)

                return segment_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_2 = OrderComparison.from_dict(data)

                return segment_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_3 = DateComparison.from_dict(data)

                return segment_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_4 = BetweenComparison.from_dict(data)

                return segment_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_5 = ManyComparison.from_dict(data)

                return segment_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_6 = TextComparison.from_dict(data)

                return segment_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_1 = AllOf.from_dict(data)

                return segment_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_2 = AnyOf.from_dict(data)

                return segment_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_3 = NotOf.from_dict(data)

                return segment_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_4 = Touched.from_dict(data)

                return segment_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AllOf
                | AnyOf
                | BetweenComparison
                | DateComparison
                | EqualityComparison
                | ManyComparison
                | None
                | NotOf
                | NoValueComparison
                | OrderComparison
                | TextComparison
                | Touched,
                data,
            )

        segment = _parse_segment(d.pop("segment"))

        def _parse_average_deal(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_deal = _parse_average_deal(d.pop("average_deal"))

        def _parse_customers_needed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        customers_needed = _parse_customers_needed(d.pop("customers_needed"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = PlanStage.from_dict(stages_item_data)

            stages.append(stages_item)

        def _parse_mqls_needed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mqls_needed = _parse_mqls_needed(d.pop("mqls_needed"))

        complete = d.pop("complete")

        messages = cast(list[str], d.pop("messages"))

        plan = cls(
            target_metric=target_metric,
            target=target,
            starts_on=starts_on,
            ends_on=ends_on,
            history_start=history_start,
            history_end=history_end,
            segment=segment,
            average_deal=average_deal,
            customers_needed=customers_needed,
            stages=stages,
            mqls_needed=mqls_needed,
            complete=complete,
            messages=messages,
        )

        plan.additional_properties = d
        return plan

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

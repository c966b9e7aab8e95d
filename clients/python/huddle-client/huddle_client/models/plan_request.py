from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_request_target_metric import PlanRequestTargetMetric
from ..types import UNSET, Unset

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
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="PlanRequest")


@_attrs_define
class PlanRequest:
    """What to plan for: a revenue or new-customer target over a period, measured on the
    ``history_months`` whole months before the period's first month, for a segment.

        Attributes:
            starts_on (datetime.date): First day (workspace time zone)
            ends_on (datetime.date): Last day, included
            target_metric (PlanRequestTargetMetric):
            target (float):
            history_months (int | Unset):  Default: 6.
            segment (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf
                | NoValueComparison | OrderComparison | TextComparison | Touched | Unset):
    """

    starts_on: datetime.date
    ends_on: datetime.date
    target_metric: PlanRequestTargetMetric
    target: float
    history_months: int | Unset = 6
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
        | Unset
    ) = UNSET

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

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        target_metric = self.target_metric.value

        target = self.target

        history_months = self.history_months

        segment: dict[str, Any] | None | Unset
        if isinstance(self.segment, Unset):
            segment = UNSET
        elif isinstance(self.segment, NoValueComparison):
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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "starts_on": starts_on,
                "ends_on": ends_on,
                "target_metric": target_metric,
                "target": target,
            }
        )
        if history_months is not UNSET:
            field_dict["history_months"] = history_months
        if segment is not UNSET:
            field_dict["segment"] = segment

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
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)
        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        target_metric = PlanRequestTargetMetric(d.pop("target_metric"))

        target = d.pop("target")

        history_months = d.pop("history_months", UNSET)

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
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
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
                | Touched
                | Unset,
                data,
            )

        segment = _parse_segment(d.pop("segment", UNSET))

        plan_request = cls(
            starts_on=starts_on,
            ends_on=ends_on,
            target_metric=target_metric,
            target=target,
            history_months=history_months,
            segment=segment,
        )

        return plan_request

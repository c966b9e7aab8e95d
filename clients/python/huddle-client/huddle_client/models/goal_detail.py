from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_detail_metric import GoalDetailMetric
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
    from ..models.progress import Progress
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="GoalDetail")


@_attrs_define
class GoalDetail:
    """
    Attributes:
        id (int):
        name (str):
        metric (GoalDetailMetric):
        target (float):
        starts_on (datetime.date):
        ends_on (datetime.date):
        owner_teams (list[str]):
        segment (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf
            | NoValueComparison | OrderComparison | TextComparison | Touched):
        created_by_id (int | None):
        progress (Progress):
        segment_text (None | str | Unset): The segment in words
    """

    id: int
    name: str
    metric: GoalDetailMetric
    target: float
    starts_on: datetime.date
    ends_on: datetime.date
    owner_teams: list[str]
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
    created_by_id: int | None
    progress: Progress
    segment_text: None | str | Unset = UNSET
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

        id = self.id

        name = self.name

        metric = self.metric.value

        target = self.target

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        owner_teams = self.owner_teams

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

        created_by_id: int | None
        created_by_id = self.created_by_id

        progress = self.progress.to_dict()

        segment_text: None | str | Unset
        if isinstance(self.segment_text, Unset):
            segment_text = UNSET
        else:
            segment_text = self.segment_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "metric": metric,
                "target": target,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "owner_teams": owner_teams,
                "segment": segment,
                "created_by_id": created_by_id,
                "progress": progress,
            }
        )
        if segment_text is not UNSET:
            field_dict["segment_text"] = segment_text

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
        from ..models.progress import Progress  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        metric = GoalDetailMetric(d.pop("metric"))

        target = d.pop("target")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        owner_teams = cast(list[str], d.pop("owner_teams"))

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

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        progress = Progress.from_dict(d.pop("progress"))

        def _parse_segment_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        segment_text = _parse_segment_text(d.pop("segment_text", UNSET))

        goal_detail = cls(
            id=id,
            name=name,
            metric=metric,
            target=target,
            starts_on=starts_on,
            ends_on=ends_on,
            owner_teams=owner_teams,
            segment=segment,
            created_by_id=created_by_id,
            progress=progress,
            segment_text=segment_text,
        )

        goal_detail.additional_properties = d
        return goal_detail

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

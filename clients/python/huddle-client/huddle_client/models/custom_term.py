from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_term_measure import CustomTermMeasure
from ..models.custom_term_period_type_0 import CustomTermPeriodType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_point import EventPoint
    from ..models.stage_point import StagePoint
    from ..models.term_scope import TermScope
    from ..models.touch_point import TouchPoint


T = TypeVar("T", bound="CustomTerm")


@_attrs_define
class CustomTerm:
    """``duration``: from ``start`` to ``stop`` within ``hours``; ``count``: ``count`` times
    ``stop`` per ``period``.

        Attributes:
            key (str): Unique in the version.
            kind (Literal['custom']):
            measure (CustomTermMeasure):
            stop (EventPoint | StagePoint | TouchPoint):
            label (None | str | Unset): Default: the kind's.
            scope (None | TermScope | Unset):
            warn_at (float | Unset): Warn the owner at this fraction of the time. Default: 0.75.
            pause_when_out_of_office (bool | Unset):  Default: False.
            escalate (bool | Unset):  Default: True.
            reroute (bool | Unset):  Default: False.
            start (EventPoint | None | StagePoint | TouchPoint | Unset):
            hours (float | None | Unset):
            count (int | None | Unset):
            period (CustomTermPeriodType0 | None | Unset):
    """

    key: str
    kind: Literal["custom"]
    measure: CustomTermMeasure
    stop: EventPoint | StagePoint | TouchPoint
    label: None | str | Unset = UNSET
    scope: None | TermScope | Unset = UNSET
    warn_at: float | Unset = 0.75
    pause_when_out_of_office: bool | Unset = False
    escalate: bool | Unset = True
    reroute: bool | Unset = False
    start: EventPoint | None | StagePoint | TouchPoint | Unset = UNSET
    hours: float | None | Unset = UNSET
    count: int | None | Unset = UNSET
    period: CustomTermPeriodType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_point import EventPoint  # noqa: PLC0415
        from ..models.stage_point import StagePoint  # noqa: PLC0415
        from ..models.term_scope import TermScope  # noqa: PLC0415
        from ..models.touch_point import TouchPoint  # noqa: PLC0415

        key = self.key

        kind = self.kind

        measure = self.measure.value

        stop: dict[str, Any]
        if isinstance(self.stop, StagePoint):
            stop = self.stop.to_dict()
        elif isinstance(self.stop, TouchPoint):
            stop = self.stop.to_dict()
        else:
            stop = self.stop.to_dict()

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        scope: dict[str, Any] | None | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif isinstance(self.scope, TermScope):
            scope = self.scope.to_dict()
        else:
            scope = self.scope

        warn_at = self.warn_at

        pause_when_out_of_office = self.pause_when_out_of_office

        escalate = self.escalate

        reroute = self.reroute

        start: dict[str, Any] | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, StagePoint):
            start = self.start.to_dict()
        elif isinstance(self.start, TouchPoint):
            start = self.start.to_dict()
        elif isinstance(self.start, EventPoint):
            start = self.start.to_dict()
        else:
            start = self.start

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        period: None | str | Unset
        if isinstance(self.period, Unset):
            period = UNSET
        elif isinstance(self.period, CustomTermPeriodType0):
            period = self.period.value
        else:
            period = self.period

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "measure": measure,
                "stop": stop,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if scope is not UNSET:
            field_dict["scope"] = scope
        if warn_at is not UNSET:
            field_dict["warn_at"] = warn_at
        if pause_when_out_of_office is not UNSET:
            field_dict["pause_when_out_of_office"] = pause_when_out_of_office
        if escalate is not UNSET:
            field_dict["escalate"] = escalate
        if reroute is not UNSET:
            field_dict["reroute"] = reroute
        if start is not UNSET:
            field_dict["start"] = start
        if hours is not UNSET:
            field_dict["hours"] = hours
        if count is not UNSET:
            field_dict["count"] = count
        if period is not UNSET:
            field_dict["period"] = period

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_point import EventPoint  # noqa: PLC0415
        from ..models.stage_point import StagePoint  # noqa: PLC0415
        from ..models.term_scope import TermScope  # noqa: PLC0415
        from ..models.touch_point import TouchPoint  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        kind = cast(Literal["custom"], d.pop("kind"))
        if kind != "custom":
            raise ValueError(f"kind must match const 'custom', got '{kind}'")

        measure = CustomTermMeasure(d.pop("measure"))

        def _parse_stop(data: object) -> EventPoint | StagePoint | TouchPoint:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stop_type_0 = StagePoint.from_dict(data)

                return stop_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stop_type_1 = TouchPoint.from_dict(data)

                return stop_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            stop_type_2 = EventPoint.from_dict(data)

            return stop_type_2

        stop = _parse_stop(d.pop("stop"))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_scope(data: object) -> None | TermScope | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = TermScope.from_dict(data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TermScope | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        warn_at = d.pop("warn_at", UNSET)

        pause_when_out_of_office = d.pop("pause_when_out_of_office", UNSET)

        escalate = d.pop("escalate", UNSET)

        reroute = d.pop("reroute", UNSET)

        def _parse_start(data: object) -> EventPoint | None | StagePoint | TouchPoint | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                start_type_0 = StagePoint.from_dict(data)

                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                start_type_1 = TouchPoint.from_dict(data)

                return start_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                start_type_2 = EventPoint.from_dict(data)

                return start_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventPoint | None | StagePoint | TouchPoint | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_period(data: object) -> CustomTermPeriodType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_type_0 = CustomTermPeriodType0(data)

                return period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomTermPeriodType0 | None | Unset, data)

        period = _parse_period(d.pop("period", UNSET))

        custom_term = cls(
            key=key,
            kind=kind,
            measure=measure,
            stop=stop,
            label=label,
            scope=scope,
            warn_at=warn_at,
            pause_when_out_of_office=pause_when_out_of_office,
            escalate=escalate,
            reroute=reroute,
            start=start,
            hours=hours,
            count=count,
            period=period,
        )

        return custom_term

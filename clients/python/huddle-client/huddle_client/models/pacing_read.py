from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sla_period import SlaPeriod

if TYPE_CHECKING:
    from ..models.term_summary import TermSummary


T = TypeVar("T", bound="PacingRead")


@_attrs_define
class PacingRead:
    """An MQL volume term: the MQLs delivered so far in its period, projected linearly.

    Attributes:
        term (TermSummary):
        period (SlaPeriod): A calendar period in UTC: the week from Monday, the month, the quarter.
        start (datetime.datetime): The period's first instant (UTC)
        end (datetime.datetime): The instant after the period (exclusive)
        delivered (int): Contacts that became MQL from ``start`` until now
        target (int): MQLs promised for the period
        projected (int): ``delivered`` extrapolated to the period's end
        elapsed (float): Fraction of the period gone, 0 to 1
        on_track (bool): Whether ``projected`` reaches ``target``
        percent_of_target (float): ``delivered`` of ``target``, in percent
    """

    term: TermSummary
    period: SlaPeriod
    start: datetime.datetime
    end: datetime.datetime
    delivered: int
    target: int
    projected: int
    elapsed: float
    on_track: bool
    percent_of_target: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        term = self.term.to_dict()

        period = self.period.value

        start = self.start.isoformat()

        end = self.end.isoformat()

        delivered = self.delivered

        target = self.target

        projected = self.projected

        elapsed = self.elapsed

        on_track = self.on_track

        percent_of_target = self.percent_of_target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "term": term,
                "period": period,
                "start": start,
                "end": end,
                "delivered": delivered,
                "target": target,
                "projected": projected,
                "elapsed": elapsed,
                "on_track": on_track,
                "percent_of_target": percent_of_target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.term_summary import TermSummary  # noqa: PLC0415

        d = dict(src_dict)
        term = TermSummary.from_dict(d.pop("term"))

        period = SlaPeriod(d.pop("period"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        delivered = d.pop("delivered")

        target = d.pop("target")

        projected = d.pop("projected")

        elapsed = d.pop("elapsed")

        on_track = d.pop("on_track")

        percent_of_target = d.pop("percent_of_target")

        pacing_read = cls(
            term=term,
            period=period,
            start=start,
            end=end,
            delivered=delivered,
            target=target,
            projected=projected,
            elapsed=elapsed,
            on_track=on_track,
            percent_of_target=percent_of_target,
        )

        pacing_read.additional_properties = d
        return pacing_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.term_summary import TermSummary


T = TypeVar("T", bound="AcceptanceRead")


@_attrs_define
class AcceptanceRead:
    """An MQL acceptance term over a period: on the dashboard its own period containing now,
    in the review the quarter.

        Attributes:
            term (TermSummary):
            start (datetime.datetime): The period's first instant (UTC)
            end (datetime.datetime): The instant after the period (exclusive)
            target_percent (float): The share of MQLs sales promised to accept
            mqls (int): Contacts that became MQL in the period
            accepted (int): Of those, how many sales accepted (SAL)
            percent (float | None): ``accepted`` of ``mqls``; null without MQLs
            met (bool | None): Whether ``percent`` reaches the target; null without MQLs
    """

    term: TermSummary
    start: datetime.datetime
    end: datetime.datetime
    target_percent: float
    mqls: int
    accepted: int
    percent: float | None
    met: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        term = self.term.to_dict()

        start = self.start.isoformat()

        end = self.end.isoformat()

        target_percent = self.target_percent

        mqls = self.mqls

        accepted = self.accepted

        percent: float | None
        percent = self.percent

        met: bool | None
        met = self.met

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "term": term,
                "start": start,
                "end": end,
                "target_percent": target_percent,
                "mqls": mqls,
                "accepted": accepted,
                "percent": percent,
                "met": met,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.term_summary import TermSummary  # noqa: PLC0415

        d = dict(src_dict)
        term = TermSummary.from_dict(d.pop("term"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        target_percent = d.pop("target_percent")

        mqls = d.pop("mqls")

        accepted = d.pop("accepted")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        def _parse_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        met = _parse_met(d.pop("met"))

        acceptance_read = cls(
            term=term,
            start=start,
            end=end,
            target_percent=target_percent,
            mqls=mqls,
            accepted=accepted,
            percent=percent,
            met=met,
        )

        acceptance_read.additional_properties = d
        return acceptance_read

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

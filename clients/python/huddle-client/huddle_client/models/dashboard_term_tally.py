from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.term_summary import TermSummary


T = TypeVar("T", bound="DashboardTermTally")


@_attrs_define
class DashboardTermTally:
    """One clock term of the active version, with zeros when no clock of it started.

    Attributes:
        met (int): Clocks met in time
        breached (int): Clocks breached (whether or not met later)
        open_ (int): Clocks still running, paused or warned
        percent (float | None): Met of met and breached, in percent to one decimal; null when none is decided yet
        term (TermSummary):
    """

    met: int
    breached: int
    open_: int
    percent: float | None
    term: TermSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        met = self.met

        breached = self.breached

        open_ = self.open_

        percent: float | None
        percent = self.percent

        term = self.term.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "met": met,
                "breached": breached,
                "open": open_,
                "percent": percent,
                "term": term,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.term_summary import TermSummary  # noqa: PLC0415

        d = dict(src_dict)
        met = d.pop("met")

        breached = d.pop("breached")

        open_ = d.pop("open")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        term = TermSummary.from_dict(d.pop("term"))

        dashboard_term_tally = cls(
            met=met,
            breached=breached,
            open_=open_,
            percent=percent,
            term=term,
        )

        dashboard_term_tally.additional_properties = d
        return dashboard_term_tally

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

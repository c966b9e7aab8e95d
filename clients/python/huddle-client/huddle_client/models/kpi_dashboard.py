from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kpi_card import KpiCard


T = TypeVar("T", bound="KpiDashboard")


@_attrs_define
class KpiDashboard:
    """
    Attributes:
        start (datetime.date):
        end (datetime.date):
        previous_start (datetime.date):
        previous_end (datetime.date):
        time_zone (str):
        cards (list[KpiCard]):
    """

    start: datetime.date
    end: datetime.date
    previous_start: datetime.date
    previous_end: datetime.date
    time_zone: str
    cards: list[KpiCard]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        previous_start = self.previous_start.isoformat()

        previous_end = self.previous_end.isoformat()

        time_zone = self.time_zone

        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "previous_start": previous_start,
                "previous_end": previous_end,
                "time_zone": time_zone,
                "cards": cards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_card import KpiCard  # noqa: PLC0415

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        previous_start = datetime.date.fromisoformat(d.pop("previous_start"))

        previous_end = datetime.date.fromisoformat(d.pop("previous_end"))

        time_zone = d.pop("time_zone")

        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = KpiCard.from_dict(cards_item_data)

            cards.append(cards_item)

        kpi_dashboard = cls(
            start=start,
            end=end,
            previous_start=previous_start,
            previous_end=previous_end,
            time_zone=time_zone,
            cards=cards,
        )

        kpi_dashboard.additional_properties = d
        return kpi_dashboard

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

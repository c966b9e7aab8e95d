from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.board_totals import BoardTotals
    from ..models.contact_row import ContactRow
    from ..models.funnel_step import FunnelStep
    from ..models.stage_flow import StageFlow


T = TypeVar("T", bound="HomeRead")


@_attrs_define
class HomeRead:
    """Everything the home page (/) shows to the caller.

    Attributes:
        as_of (datetime.datetime): The instant the figures were read at
        since (datetime.datetime): The window's start: stage entries from here count
        until (datetime.datetime): The window's end, excluded
        window_days (int): The window's length in days (30 unless asked)
        funnel (list[FunnelStep]): The funnel's stages in order, Subscriber to Customer
        beside_funnel (list[StageFlow]): The stages beside the funnel: Lost, Disqualified, Recycled
        open_pipeline (BoardTotals):
        my_open_leads (list[ContactRow]): Your leads, MQLs and SALs, highest score first (at most 6)
        recent (list[ContactRow]): The contacts changed last (at most 8)
    """

    as_of: datetime.datetime
    since: datetime.datetime
    until: datetime.datetime
    window_days: int
    funnel: list[FunnelStep]
    beside_funnel: list[StageFlow]
    open_pipeline: BoardTotals
    my_open_leads: list[ContactRow]
    recent: list[ContactRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        since = self.since.isoformat()

        until = self.until.isoformat()

        window_days = self.window_days

        funnel = []
        for funnel_item_data in self.funnel:
            funnel_item = funnel_item_data.to_dict()
            funnel.append(funnel_item)

        beside_funnel = []
        for beside_funnel_item_data in self.beside_funnel:
            beside_funnel_item = beside_funnel_item_data.to_dict()
            beside_funnel.append(beside_funnel_item)

        open_pipeline = self.open_pipeline.to_dict()

        my_open_leads = []
        for my_open_leads_item_data in self.my_open_leads:
            my_open_leads_item = my_open_leads_item_data.to_dict()
            my_open_leads.append(my_open_leads_item)

        recent = []
        for recent_item_data in self.recent:
            recent_item = recent_item_data.to_dict()
            recent.append(recent_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "since": since,
                "until": until,
                "window_days": window_days,
                "funnel": funnel,
                "beside_funnel": beside_funnel,
                "open_pipeline": open_pipeline,
                "my_open_leads": my_open_leads,
                "recent": recent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_totals import BoardTotals  # noqa: PLC0415
        from ..models.contact_row import ContactRow  # noqa: PLC0415
        from ..models.funnel_step import FunnelStep  # noqa: PLC0415
        from ..models.stage_flow import StageFlow  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        window_days = d.pop("window_days")

        funnel = []
        _funnel = d.pop("funnel")
        for funnel_item_data in _funnel:
            funnel_item = FunnelStep.from_dict(funnel_item_data)

            funnel.append(funnel_item)

        beside_funnel = []
        _beside_funnel = d.pop("beside_funnel")
        for beside_funnel_item_data in _beside_funnel:
            beside_funnel_item = StageFlow.from_dict(beside_funnel_item_data)

            beside_funnel.append(beside_funnel_item)

        open_pipeline = BoardTotals.from_dict(d.pop("open_pipeline"))

        my_open_leads = []
        _my_open_leads = d.pop("my_open_leads")
        for my_open_leads_item_data in _my_open_leads:
            my_open_leads_item = ContactRow.from_dict(my_open_leads_item_data)

            my_open_leads.append(my_open_leads_item)

        recent = []
        _recent = d.pop("recent")
        for recent_item_data in _recent:
            recent_item = ContactRow.from_dict(recent_item_data)

            recent.append(recent_item)

        home_read = cls(
            as_of=as_of,
            since=since,
            until=until,
            window_days=window_days,
            funnel=funnel,
            beside_funnel=beside_funnel,
            open_pipeline=open_pipeline,
            my_open_leads=my_open_leads,
            recent=recent,
        )

        home_read.additional_properties = d
        return home_read

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

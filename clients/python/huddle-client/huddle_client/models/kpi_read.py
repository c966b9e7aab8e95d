from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.board_totals import BoardTotals


T = TypeVar("T", bound="KpiRead")


@_attrs_define
class KpiRead:
    """
    Attributes:
        start (datetime.date): First day of the range (in ``time_zone``)
        end (datetime.date): Last day of the range, included (in ``time_zone``)
        time_zone (str): The workspace's time zone days and months are read in: the company SLA calendar's, else UTC
        mql_to_sal_percent (float | None): Of contacts that entered the funnel in the range: SALs of MQLs
        sql_to_customer_percent (float | None): The same contacts: customers of SQLs
        lead_to_customer_percent (float | None): The same: customers of leads
        deals_won (int): Deals closed won in the range
        deals_lost (int): Deals closed lost in the range
        deal_win_rate_percent (float | None): Won of closed deals in the range
        won_amount (float): Amount of the deals won in the range
        open_pipeline (BoardTotals):
        won_currency (None | str | Unset): The currency of every deal won in the range; null when they are in several
            (the amounts are then added as written) or there are none
    """

    start: datetime.date
    end: datetime.date
    time_zone: str
    mql_to_sal_percent: float | None
    sql_to_customer_percent: float | None
    lead_to_customer_percent: float | None
    deals_won: int
    deals_lost: int
    deal_win_rate_percent: float | None
    won_amount: float
    open_pipeline: BoardTotals
    won_currency: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        time_zone = self.time_zone

        mql_to_sal_percent: float | None
        mql_to_sal_percent = self.mql_to_sal_percent

        sql_to_customer_percent: float | None
        sql_to_customer_percent = self.sql_to_customer_percent

        lead_to_customer_percent: float | None
        lead_to_customer_percent = self.lead_to_customer_percent

        deals_won = self.deals_won

        deals_lost = self.deals_lost

        deal_win_rate_percent: float | None
        deal_win_rate_percent = self.deal_win_rate_percent

        won_amount = self.won_amount

        open_pipeline = self.open_pipeline.to_dict()

        won_currency: None | str | Unset
        if isinstance(self.won_currency, Unset):
            won_currency = UNSET
        else:
            won_currency = self.won_currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "time_zone": time_zone,
                "mql_to_sal_percent": mql_to_sal_percent,
                "sql_to_customer_percent": sql_to_customer_percent,
                "lead_to_customer_percent": lead_to_customer_percent,
                "deals_won": deals_won,
                "deals_lost": deals_lost,
                "deal_win_rate_percent": deal_win_rate_percent,
                "won_amount": won_amount,
                "open_pipeline": open_pipeline,
            }
        )
        if won_currency is not UNSET:
            field_dict["won_currency"] = won_currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_totals import BoardTotals  # noqa: PLC0415

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        time_zone = d.pop("time_zone")

        def _parse_mql_to_sal_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mql_to_sal_percent = _parse_mql_to_sal_percent(d.pop("mql_to_sal_percent"))

        def _parse_sql_to_customer_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sql_to_customer_percent = _parse_sql_to_customer_percent(d.pop("sql_to_customer_percent"))

        def _parse_lead_to_customer_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lead_to_customer_percent = _parse_lead_to_customer_percent(d.pop("lead_to_customer_percent"))

        deals_won = d.pop("deals_won")

        deals_lost = d.pop("deals_lost")

        def _parse_deal_win_rate_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        deal_win_rate_percent = _parse_deal_win_rate_percent(d.pop("deal_win_rate_percent"))

        won_amount = d.pop("won_amount")

        open_pipeline = BoardTotals.from_dict(d.pop("open_pipeline"))

        def _parse_won_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        won_currency = _parse_won_currency(d.pop("won_currency", UNSET))

        kpi_read = cls(
            start=start,
            end=end,
            time_zone=time_zone,
            mql_to_sal_percent=mql_to_sal_percent,
            sql_to_customer_percent=sql_to_customer_percent,
            lead_to_customer_percent=lead_to_customer_percent,
            deals_won=deals_won,
            deals_lost=deals_lost,
            deal_win_rate_percent=deal_win_rate_percent,
            won_amount=won_amount,
            open_pipeline=open_pipeline,
            won_currency=won_currency,
        )

        kpi_read.additional_properties = d
        return kpi_read

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

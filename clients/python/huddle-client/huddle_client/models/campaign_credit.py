from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignCredit")


@_attrs_define
class CampaignCredit:
    """One campaign's credit under one model. ``campaign_id`` None: "(none)", the
    conversions without a campaign touch. Counts are fractional (a share of a conversion);
    the cost is the campaign's cost entries dated in the period. ROI and costs per
    conversion are null where there is no cost, or nothing to divide by.

        Attributes:
            campaign_id (int | None):
            name (str):
            channel (str):
            pipeline (float):
            revenue (float):
            mqls (float):
            sqls (float):
            customers (float):
            cost (float):
            roi (float | None): (revenue - cost) / cost
            cost_per_mql (float | None):
            cost_per_sql (float | None):
            cost_per_customer (float | None):
    """

    campaign_id: int | None
    name: str
    channel: str
    pipeline: float
    revenue: float
    mqls: float
    sqls: float
    customers: float
    cost: float
    roi: float | None
    cost_per_mql: float | None
    cost_per_sql: float | None
    cost_per_customer: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id: int | None
        campaign_id = self.campaign_id

        name = self.name

        channel = self.channel

        pipeline = self.pipeline

        revenue = self.revenue

        mqls = self.mqls

        sqls = self.sqls

        customers = self.customers

        cost = self.cost

        roi: float | None
        roi = self.roi

        cost_per_mql: float | None
        cost_per_mql = self.cost_per_mql

        cost_per_sql: float | None
        cost_per_sql = self.cost_per_sql

        cost_per_customer: float | None
        cost_per_customer = self.cost_per_customer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "name": name,
                "channel": channel,
                "pipeline": pipeline,
                "revenue": revenue,
                "mqls": mqls,
                "sqls": sqls,
                "customers": customers,
                "cost": cost,
                "roi": roi,
                "cost_per_mql": cost_per_mql,
                "cost_per_sql": cost_per_sql,
                "cost_per_customer": cost_per_customer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_campaign_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        name = d.pop("name")

        channel = d.pop("channel")

        pipeline = d.pop("pipeline")

        revenue = d.pop("revenue")

        mqls = d.pop("mqls")

        sqls = d.pop("sqls")

        customers = d.pop("customers")

        cost = d.pop("cost")

        def _parse_roi(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        roi = _parse_roi(d.pop("roi"))

        def _parse_cost_per_mql(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cost_per_mql = _parse_cost_per_mql(d.pop("cost_per_mql"))

        def _parse_cost_per_sql(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cost_per_sql = _parse_cost_per_sql(d.pop("cost_per_sql"))

        def _parse_cost_per_customer(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cost_per_customer = _parse_cost_per_customer(d.pop("cost_per_customer"))

        campaign_credit = cls(
            campaign_id=campaign_id,
            name=name,
            channel=channel,
            pipeline=pipeline,
            revenue=revenue,
            mqls=mqls,
            sqls=sqls,
            customers=customers,
            cost=cost,
            roi=roi,
            cost_per_mql=cost_per_mql,
            cost_per_sql=cost_per_sql,
            cost_per_customer=cost_per_customer,
        )

        campaign_credit.additional_properties = d
        return campaign_credit

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

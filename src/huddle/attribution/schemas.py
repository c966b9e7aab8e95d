"""The attribution report's JSON shape (/api/v1/attribution)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class AttributionModel(StrEnum):
    """The models of ``huddle.attribution.rules`` (the document's named enum)."""

    FIRST_TOUCH = "first_touch"
    LAST_TOUCH = "last_touch"
    LINEAR = "linear"
    U_SHAPED = "u_shaped"
    W_SHAPED = "w_shaped"
    TIME_DECAY = "time_decay"


class CampaignCredit(BaseModel):
    """One campaign's credit under one model. ``campaign_id`` None: "(none)", the
    conversions without a campaign touch. Counts are fractional (a share of a conversion);
    the cost is the campaign's cost entries dated in the period. ROI and costs per
    conversion are null where there is no cost, or nothing to divide by."""

    campaign_id: int | None
    name: str
    channel: str
    pipeline: float
    revenue: float
    mqls: float
    sqls: float
    customers: float
    cost: float
    roi: float | None = Field(description="(revenue - cost) / cost")
    cost_per_mql: float | None
    cost_per_sql: float | None
    cost_per_customer: float | None


class ChannelCredit(BaseModel):
    channel: str
    pipeline: float
    revenue: float
    cost: float
    roi: float | None


class ModelReport(BaseModel):
    model: AttributionModel
    label: str
    pipeline: float = Field(description="Every credited pipeline amount: the deals' total.")
    revenue: float
    campaigns: list[CampaignCredit]
    channels: list[ChannelCredit]


class AttributionReport(BaseModel):
    start: date = Field(description="First day of the period (UTC).")
    end: date = Field(description="Last day of the period (UTC), included.")
    models: list[ModelReport]

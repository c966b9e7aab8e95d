"""The analytics API's shapes: the funnel (cohort and period views), velocity and the KPIs.
A ratio whose denominator is 0 is null (the pages show "—")."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from huddle.lifecycle.schemas import BoardTotals


class FunnelView(StrEnum):
    COHORT = "cohort"
    PERIOD = "period"


class Range(BaseModel):
    start: date = Field(description="First day of the range (in ``time_zone``)")
    end: date = Field(description="Last day of the range, included (in ``time_zone``)")
    time_zone: str = Field(
        description="The workspace's time zone days and months are read in: the company "
        "SLA calendar's, else UTC"
    )


class StageCount(BaseModel):
    stage: str = Field(description="The funnel stage's key, e.g. ``mql``")
    label: str = Field(description="The stage as the pages name it")
    count: int = Field(ge=0, description="Contacts that reached the stage (see the counting rules)")
    conversion_percent: float | None = Field(
        description="``count`` of the previous stage's, in percent; null for the first stage "
        "or when the previous stage's count is 0"
    )
    of_first_percent: float | None = Field(
        description="``count`` of the first stage's, in percent; null when that is 0"
    )


class FunnelRow(BaseModel):
    cohort: str | None = Field(
        description="The cohort's month, ``YYYY-MM`` (cohort view); null in the period view "
        "and in the total"
    )
    group: str | None = Field(
        description="The breakdown's value; null for no value or no breakdown"
    )
    group_label: str | None = Field(description="The value as shown (an owner's name, ...)")
    steps: list[StageCount] = Field(description="The funnel's stages in order")
    mql_to_sal_percent: float | None = Field(description="SALs of MQLs (acceptance)")
    sql_to_customer_percent: float | None = Field(description="Customers of SQLs (win rate)")
    lead_to_customer_percent: float | None = Field(description="Customers of leads")


class FunnelRead(Range):
    view: FunnelView = Field(description="``cohort`` or ``period``")
    by: str | None = Field(description="The breakdown, e.g. ``source`` or ``custom.industry``")
    total: FunnelRow = Field(description="Every contact in the range together")
    rows: list[FunnelRow] = Field(
        description="Per cohort month (cohort view) and per breakdown value, largest first"
    )


class VelocityPair(BaseModel):
    from_stage: str = Field(description="A stage key, or ``first_touch``")
    to_stage: str = Field(description="A stage key")
    label: str = Field(description="e.g. ``MQL → SAL``")
    count: int = Field(ge=0, description="Contacts measured (arrived in the range)")
    median_seconds: float | None = Field(description="Median time apart; null when none")
    p80_seconds: float | None = Field(description="80th percentile; null when none")
    mean_seconds: float | None = Field(description="Mean; null when none")
    distribution: list[int] = Field(description="How many fall in each of ``buckets``")


class ExitRow(BaseModel):
    stage: str = Field(description="The funnel stage contacts left")
    label: str = Field(description="The stage as the pages name it")
    lost: int = Field(ge=0)
    disqualified: int = Field(ge=0)
    recycled: int = Field(ge=0)
    in_stage: int = Field(ge=0, description="Contacts in the stage now")
    stalled: int = Field(
        ge=0, description="Of those, how many entered it more than ``stall_days`` ago"
    )


class VelocityRead(Range):
    pairs: list[VelocityPair]
    buckets: list[str] = Field(description="The distribution's buckets, e.g. ``1-3 d``")
    exits: list[ExitRow] = Field(description="Where contacts leave or stall, by stage")
    stall_days: int


class KpiRead(Range):
    mql_to_sal_percent: float | None = Field(
        description="Of contacts that entered the funnel in the range: SALs of MQLs"
    )
    sql_to_customer_percent: float | None = Field(
        description="The same contacts: customers of SQLs"
    )
    lead_to_customer_percent: float | None = Field(description="The same: customers of leads")
    deals_won: int = Field(ge=0, description="Deals closed won in the range")
    deals_lost: int = Field(ge=0, description="Deals closed lost in the range")
    deal_win_rate_percent: float | None = Field(description="Won of closed deals in the range")
    won_amount: float = Field(description="Amount of the deals won in the range")
    won_currency: str | None = Field(
        default=None,
        description="The currency of every deal won in the range; null when they are in "
        "several (the amounts are then added as written) or there are none",
    )
    open_pipeline: BoardTotals = Field(
        description="Open deals now: count, amount and amount weighted by stage probability"
    )


class ClosedDeals(BaseModel):
    """Deals closed in a range of days (``service.closed_in``)."""

    won: int
    won_amount: float
    lost: int
    win_rate_percent: float | None


class Breakdown(BaseModel):
    key: str = Field(description="The value of ``by``")
    label: str

"""The analytics JSON API (under /api/v1/analytics) and its CSV exports: the funnel, velocity
and KPIs the /analytics page shows, for any date range (days in the workspace's zone)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from huddle.analytics import service
from huddle.analytics.schemas import Breakdown, FunnelRead, FunnelView, KpiRead, VelocityRead
from huddle.auth.deps import CurrentActor
from huddle.web.deps import SessionDep

router = APIRouter(prefix="/analytics", tags=["analytics"])

Start = Annotated[date, Query(description="First day of the range (workspace time zone)")]
End = Annotated[date, Query(description="Last day of the range, included")]
By = Annotated[
    str | None,
    Query(description="Breakdown: a key of GET /analytics/breakdowns, e.g. ``source``"),
]
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The report as CSV"}
}


def _csv(lines: Iterator[str], name: str) -> StreamingResponse:
    return StreamingResponse(
        lines,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get("/funnel", operation_id="analytics.funnel", response_model=FunnelRead)
def funnel(
    actor: CurrentActor,
    session: SessionDep,
    start: Start,
    end: End,
    view: FunnelView = FunnelView.COHORT,
    by: By = None,
) -> FunnelRead:
    """Conversion between consecutive lifecycle stages: by cohort month (contacts that first
    entered the funnel in each month, and how far they got) or by period (contacts that first
    reached each stage in the range), optionally broken down. A contact that skips a stage
    passes it; re-entries and recycled leads count once (see the README's counting rules)."""
    return service.funnel(session, actor, view=view, start=start, end=end, by=by)


@router.get(
    "/funnel.csv",
    operation_id="analytics.funnel_csv",
    response_class=StreamingResponse,
    responses=CSV,
)
def funnel_csv(
    actor: CurrentActor,
    session: SessionDep,
    start: Start,
    end: End,
    view: FunnelView = FunnelView.COHORT,
    by: By = None,
) -> StreamingResponse:
    """The funnel as CSV: the total, then one line per row of ``GET /analytics/funnel``."""
    report = service.funnel(session, actor, view=view, start=start, end=end, by=by)
    return _csv(service.funnel_csv(report), f"funnel-{view.value}")


@router.get("/velocity", operation_id="analytics.velocity", response_model=VelocityRead)
def velocity(actor: CurrentActor, session: SessionDep, start: Start, end: End) -> VelocityRead:
    """Median, 80th percentile and mean time between stages and from first touch to
    customer, for contacts that arrived in the later stage in the range; where contacts
    leave the funnel (Lost, Disqualified, Recycled) and where they stall."""
    return service.velocity(session, actor, start=start, end=end)


@router.get(
    "/velocity.csv",
    operation_id="analytics.velocity_csv",
    response_class=StreamingResponse,
    responses=CSV,
)
def velocity_csv(
    actor: CurrentActor, session: SessionDep, start: Start, end: End
) -> StreamingResponse:
    """Velocity as CSV: one line per pair of stages, seconds, then the distribution."""
    return _csv(
        service.velocity_csv(service.velocity(session, actor, start=start, end=end)), "velocity"
    )


@router.get("/kpis", operation_id="analytics.kpis", response_model=KpiRead)
def kpis(actor: CurrentActor, session: SessionDep, start: Start, end: End) -> KpiRead:
    """MQL→SAL acceptance, SQL→customer win rate and lead-to-customer ratio of the contacts
    that entered the funnel in the range; deals won and lost in it; the open pipeline and
    its probability-weighted amount now."""
    return service.kpis(session, actor, start=start, end=end)


@router.get("/breakdowns", operation_id="analytics.breakdowns", response_model=list[Breakdown])
def breakdowns(actor: CurrentActor, session: SessionDep) -> list[Breakdown]:
    """What the funnel can be broken down by (``by``): built-in fields and contact custom
    fields."""
    return service.breakdowns(session, actor)

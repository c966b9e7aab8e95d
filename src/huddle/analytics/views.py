"""The analytics page (/analytics): KPIs, the funnel's bars, a breakdown, the cohort heat map
and velocity with its distribution, for a date range chosen in a form. It reads the same
service calls as the API, so the page's figures are the API's."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from huddle.analytics import service
from huddle.analytics.rules import next_month
from huddle.analytics.schemas import FunnelView
from huddle.auth.deps import CurrentUser, request_actor
from huddle.core import clock
from huddle.core.errors import ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.views import page

router = APIRouter(include_in_schema=False)
# The range shown first: this month and the five before it.
DEFAULT_MONTHS = 6


def default_range(zone: str) -> tuple[date, date]:
    today = clock.now().astimezone(ZoneInfo(zone)).date()
    first = today.replace(day=1)
    for _ in range(DEFAULT_MONTHS - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    return first, next_month(today.replace(day=1)) - timedelta(days=1)


@router.get("/analytics", response_class=HTMLResponse)
def analytics(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
    by: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    actor = request_actor(request)
    zone = service.workspace_time_zone(session)
    first, last = default_range(zone)
    start, end, by = start or first, end or last, by or "source"
    context: dict[str, object] = {
        "start": start,
        "end": end,
        "by": by,
        "zone": zone,
        "breakdowns": service.breakdowns(session, actor),
    }
    try:
        context |= {
            "kpis": service.kpis(session, actor, start=start, end=end),
            "period": service.funnel(
                session, actor, view=FunnelView.PERIOD, start=start, end=end, by=by
            ),
            "cohorts": service.funnel(session, actor, view=FunnelView.COHORT, start=start, end=end),
            "velocity": service.velocity(session, actor, start=start, end=end),
        }
    except ValidationFailed as refused:
        context["errors"] = {e.field: e.message for e in refused.errors}
        return page(
            request, "analytics/analytics.html", user, "analytics", context, status_code=422
        )
    return page(request, "analytics/analytics.html", user, "analytics", context)

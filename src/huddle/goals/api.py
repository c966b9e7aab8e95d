"""The goals' JSON API (under /api/v1): goals with their progress, suggested targets, the
reverse-funnel plan (and its MQLs as an SLA draft), the KPI dashboard, and CSV exports.
A segment in a query string is the condition's JSON, e.g.
``segment={"field":"account.region","op":"eq","value":"EMEA"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from fastapi.responses import StreamingResponse

from huddle.auth.deps import CurrentActor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.goals import service
from huddle.goals.schemas import (
    GoalDetail,
    GoalWrite,
    KpiDashboard,
    MetricKey,
    MetricRead,
    Plan,
    PlanRequest,
    PlanTarget,
    Progress,
    SlaDraftRead,
    Suggestion,
)
from huddle.web.deps import SessionDep
from huddle.web.views import form_schema

router = APIRouter(tags=["goals"])

Day = Annotated[date, Query(description="A day in the workspace's time zone")]
SegmentParam = Annotated[
    str | None,
    Query(description="A record condition as JSON (the language of MQL criteria), optional"),
]
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The report as CSV"}
}


def parse_segment(text: str | None) -> dict[str, Any] | None:
    """The segment of a query string: JSON of a condition object, or nothing."""
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            "segment is not JSON", [FieldError("segment", f"not valid JSON: {exc.msg}")]
        ) from exc
    if not isinstance(value, dict):
        raise ValidationFailed("segment", [FieldError("segment", "a condition is a JSON object")])
    return value


def _csv(lines: Iterator[str], name: str) -> StreamingResponse:
    return StreamingResponse(
        lines,
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get("/goals/metrics", operation_id="goals.metrics", response_model=list[MetricRead])
def metrics(actor: CurrentActor) -> list[MetricRead]:
    """The catalogue of metrics a goal may be set on, and what each one counts."""
    return [
        MetricRead(
            key=m.key,
            label=m.label,
            kind=m.kind.value,
            description=m.description,
            lower_is_better=m.lower_is_better,
            segmentable=m.segmentable,
        )
        for m in service.list_metrics(actor)
    ]


@router.get("/goals", operation_id="goals.list", response_model=list[GoalDetail])
def list_goals(actor: CurrentActor, session: SessionDep) -> list[GoalDetail]:
    """Every goal, the latest periods first, with its progress and pacing (no chart points)."""
    return service.list_goals(session, actor=actor)


@router.get("/goals.csv", operation_id="goals.csv", response_class=StreamingResponse, responses=CSV)
def goals_csv(actor: CurrentActor, session: SessionDep) -> StreamingResponse:
    """Every goal with its value so far, share of the target, projection and status."""
    return _csv(service.goals_csv(service.list_goals(session, actor=actor)), "goals")


@router.post(
    "/goals",
    operation_id="goals.create",
    response_model=GoalDetail,
    status_code=status.HTTP_201_CREATED,
)
def create_goal(actor: CurrentActor, session: SessionDep, data: GoalWrite) -> GoalDetail:
    """A new shared goal (managers and admins: ``goal.manage``)."""
    goal = service.create_goal(session, data, actor=actor)
    return service.get_goal(session, goal.id, actor=actor)


@router.get("/goals/{goal_id:int}", operation_id="goals.get", response_model=GoalDetail)
def get_goal(goal_id: int, actor: CurrentActor, session: SessionDep) -> GoalDetail:
    """A goal with its progress, pacing and the pacing chart's points."""
    return service.get_goal(session, goal_id, actor=actor)


@router.put("/goals/{goal_id:int}", operation_id="goals.update", response_model=GoalDetail)
def update_goal(
    goal_id: int, actor: CurrentActor, session: SessionDep, data: GoalWrite
) -> GoalDetail:
    """Replace a goal's metric, target, period, teams and segment."""
    service.update_goal(session, goal_id, data, actor=actor)
    return service.get_goal(session, goal_id, actor=actor)


@router.delete(
    "/goals/{goal_id:int}", operation_id="goals.delete", status_code=status.HTTP_204_NO_CONTENT
)
def delete_goal(goal_id: int, actor: CurrentActor, session: SessionDep) -> None:
    service.delete_goal(session, goal_id, actor=actor)


@router.get("/goals/{goal_id:int}/progress", operation_id="goals.progress", response_model=Progress)
def goal_progress(goal_id: int, actor: CurrentActor, session: SessionDep) -> Progress:
    """Value so far, projection (linear on the elapsed share of days for counts and
    amounts), status and the pacing chart's points."""
    return service.get_goal(session, goal_id, actor=actor).progress


@router.get("/goals/suggestion", operation_id="goals.suggestion", response_model=Suggestion)
def suggestion(
    actor: CurrentActor,
    session: SessionDep,
    metric: Annotated[MetricKey, Query()],
    starts_on: Day,
    ends_on: Day,
    segment: SegmentParam = None,
) -> Suggestion:
    """A target for a new goal from history: the trend through the three periods before and
    the same period last year, a band from comfortable to stretch, and the reasoning."""
    return service.suggest(
        session,
        actor,
        metric_key=metric,
        starts_on=starts_on,
        ends_on=ends_on,
        segment=parse_segment(segment),
    )


def _plan_request(
    target_metric: PlanTarget,
    target: float,
    starts_on: date,
    ends_on: date,
    history_months: int,
    segment: str | None,
) -> PlanRequest:
    return form_schema(
        lambda: PlanRequest(
            target_metric=target_metric,
            target=target,
            starts_on=starts_on,
            ends_on=ends_on,
            history_months=history_months,
            segment=parse_segment(segment),
        )
    )


PlanMetric = Annotated[PlanTarget, Query(description="``revenue`` or ``new_customers``")]
PlanTargetValue = Annotated[float, Query(description="The amount or the customers wanted")]
HistoryMonths = Annotated[
    int, Query(description="Whole months before the period's first month to measure on")
]


@router.get("/goals/plan", operation_id="goals.plan", response_model=Plan)
def plan(
    actor: CurrentActor,
    session: SessionDep,
    target_metric: PlanMetric,
    target: PlanTargetValue,
    starts_on: Day,
    ends_on: Day,
    history_months: HistoryMonths = 6,
    segment: SegmentParam = None,
) -> Plan:
    """Reverse-funnel plan: the customers, opportunities, SQLs, SALs, MQLs and leads a
    revenue or new-customer target needs, and the day each must be reached by, from the
    history's cohort conversion, median velocities and average won deal."""
    request = _plan_request(target_metric, target, starts_on, ends_on, history_months, segment)
    return service.plan(session, actor, request)


@router.get(
    "/goals/plan.csv",
    operation_id="goals.plan_csv",
    response_class=StreamingResponse,
    responses=CSV,
)
def plan_csv(
    actor: CurrentActor,
    session: SessionDep,
    target_metric: PlanMetric,
    target: PlanTargetValue,
    starts_on: Day,
    ends_on: Day,
    history_months: HistoryMonths = 6,
    segment: SegmentParam = None,
) -> StreamingResponse:
    """The plan as CSV: one line per stage."""
    request = _plan_request(target_metric, target, starts_on, ends_on, history_months, segment)
    return _csv(service.plan_csv(service.plan(session, actor, request)), "plan")


@router.post(
    "/goals/plan/sla-draft",
    operation_id="goals.plan_sla_draft",
    response_model=SlaDraftRead,
    status_code=status.HTTP_201_CREATED,
)
def plan_sla_draft(actor: CurrentActor, session: SessionDep, data: PlanRequest) -> SlaDraftRead:
    """A new SLA draft whose MQL-volume term asks for the plan's MQLs (per the term's
    period); both leads sign it as any draft (``sla.draft``)."""
    return service.draft_sla_term(session, actor, data)


@router.get("/goals/kpis", operation_id="goals.kpis", response_model=KpiDashboard)
def kpis(actor: CurrentActor, session: SessionDep, start: Day, end: Day) -> KpiDashboard:
    """The KPI dashboard: every metric of the catalogue for the range, the same days just
    before, its trend over the range's parts, and the goal on it when one overlaps."""
    return service.kpi_dashboard(session, actor, start=start, end=end)


@router.get(
    "/goals/kpis.csv",
    operation_id="goals.kpis_csv",
    response_class=StreamingResponse,
    responses=CSV,
)
def kpis_csv(actor: CurrentActor, session: SessionDep, start: Day, end: Day) -> StreamingResponse:
    """The KPI dashboard as CSV: one line per metric."""
    return _csv(
        service.kpis_csv(service.kpi_dashboard(session, actor, start=start, end=end)), "kpis"
    )

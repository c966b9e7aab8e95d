"""The goals' pages, under Analytics (the nav stays as it is): the KPI dashboard
(/analytics/kpis), the goals (/analytics/goals: list, a form for a new goal with a suggested
target, the same form to edit one, a goal's page with its pacing chart) and the
reverse-funnel plan (/analytics/plan, whose MQLs can become an SLA draft). They read the
same service calls as the API."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.core.errors import ValidationFailed
from huddle.core.permissions import TEAMS
from huddle.goals import charts, service
from huddle.goals.catalogue import BY_KEY, METRICS, PLAN_TARGETS
from huddle.goals.schemas import GoalWrite, PlanRequest
from huddle.web.deps import SessionDep
from huddle.web.views import FormText, error_text, form_schema, json_field, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
NAV = "analytics"
TEAM_LABELS = {
    "marketing": "Marketing",
    "sales": "Sales",
    "customer_success": "Customer success",
    "product": "Product",
    "revops": "RevOps",
}
STATUS_LABELS = {
    "on_track": "On track",
    "at_risk": "At risk",
    "behind": "Behind",
    "not_started": "Not started",
    "no_data": "No data yet",
}


def _common() -> dict[str, Any]:
    return {
        "metrics": METRICS,
        "metric_by_key": BY_KEY,
        "teams": TEAMS,
        "team_labels": TEAM_LABELS,
        "status_labels": STATUS_LABELS,
        "plan_targets": [BY_KEY[k] for k in PLAN_TARGETS],
    }


def _errors(exc: ValidationFailed) -> dict[str, str]:
    return {e.field.split(".")[0]: e.message for e in exc.errors}


# --- the KPI dashboard ----------------------------------------------------------------------


@router.get("/analytics/kpis", response_class=HTMLResponse)
def kpi_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
) -> HTMLResponse:
    actor = request_actor(request)
    first, last = service.default_range(session)
    start, end = start or first, end or last
    context: dict[str, Any] = {**_common(), "start": start, "end": end}
    try:
        report = service.kpi_dashboard(session, actor, start=start, end=end)
    except ValidationFailed as refused:
        context["errors"] = _errors(refused)
        return page(request, "goals/kpis.html", user, NAV, context, status_code=422)
    context["report"] = report
    context["sparks"] = {
        c.metric: charts.sparkline([p.value for p in c.trend]) for c in report.cards
    }
    return page(request, "goals/kpis.html", user, NAV, context)


# --- goals ----------------------------------------------------------------------------------


@router.get("/analytics/goals", response_class=HTMLResponse)
def goals_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    goals = service.list_goals(session, actor=request_actor(request))
    return page(request, "goals/list.html", user, NAV, {**_common(), "goals": goals})


def _form_page(
    request: Request,
    session: SessionDep,
    user: User,
    draft: dict[str, Any],
    *,
    goal_id: int | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The goal form: empty for a new goal, or ``goal_id``'s fields to edit."""
    actor = request_actor(request)
    service.require_manage(actor)
    suggestion = None
    if draft.get("suggest") and draft.get("starts_on") and draft.get("ends_on"):
        try:
            suggestion = service.suggest(
                session,
                actor,
                metric_key=draft["metric"],
                starts_on=date.fromisoformat(draft["starts_on"]),
                ends_on=date.fromisoformat(draft["ends_on"]),
                segment=json_field(draft.get("segment", ""), "segment"),
            )
        except (ValidationFailed, ValueError) as refused:
            error = error_text(refused) if isinstance(refused, ValidationFailed) else str(refused)
    context = {
        **_common(),
        "draft": draft,
        "goal_id": goal_id,
        "suggestion": suggestion,
        "error": error,
    }
    return page(request, "goals/new.html", user, NAV, context, status_code=status_code)


def _query_draft(
    metric: str, starts_on: str, ends_on: str, segment: str, name: str, suggest: str
) -> dict[str, Any]:
    return {
        "metric": metric if metric in BY_KEY else "mqls",
        "starts_on": starts_on,
        "ends_on": ends_on,
        "segment": segment,
        "name": name,
        "suggest": suggest,
        "owner_teams": [],
    }


@router.get("/analytics/goals/new", response_class=HTMLResponse)
def new_goal_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    metric: Annotated[str, Query()] = "mqls",
    starts_on: Annotated[str, Query()] = "",
    ends_on: Annotated[str, Query()] = "",
    segment: Annotated[str, Query()] = "",
    name: Annotated[str, Query()] = "",
    suggest: Annotated[str, Query()] = "",
) -> HTMLResponse:
    """The form; "Suggest a target" reloads it with the suggestion for the metric and days
    chosen (a GET: nothing is saved)."""
    draft = _query_draft(metric, starts_on, ends_on, segment, name, suggest)
    return _form_page(request, session, user, draft)


@router.get("/analytics/goals/{goal_id:int}/edit", response_class=HTMLResponse)
def edit_goal_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    goal_id: int,
    suggest: Annotated[str, Query()] = "",
) -> HTMLResponse:
    """The form filled with the goal's fields; "Suggest a target" reloads it with the
    suggestion for the goal's metric and days as they are saved."""
    goal = service.get_goal(session, goal_id, actor=request_actor(request))
    draft = {
        "name": goal.name,
        "metric": goal.metric,
        "target": f"{goal.target:g}",
        "starts_on": goal.starts_on.isoformat(),
        "ends_on": goal.ends_on.isoformat(),
        "segment": json.dumps(goal.segment) if goal.segment is not None else "",
        "owner_teams": goal.owner_teams,
        "suggest": suggest,
    }
    return _form_page(request, session, user, draft, goal_id=goal_id)


def _goal_form(draft: dict[str, Any]) -> GoalWrite:
    segment = json_field(draft["segment"], "segment")
    return form_schema(
        lambda: GoalWrite.model_validate(
            {
                "name": draft["name"],
                "metric": draft["metric"],
                "target": draft["target"].replace(",", "") or None,
                "starts_on": draft["starts_on"] or None,
                "ends_on": draft["ends_on"] or None,
                "owner_teams": draft["owner_teams"],
                "segment": segment,
            }
        )
    )


def _posted_goal(
    name: FormText = "",
    metric: FormText = "",
    target: FormText = "",
    starts_on: FormText = "",
    ends_on: FormText = "",
    segment: FormText = "",
    owner_teams: Annotated[list[str] | None, Form()] = None,
) -> dict[str, Any]:
    """The goal form's fields as posted (the draft the form shows again when refused)."""
    return {
        "name": name,
        "metric": metric,
        "target": target,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "segment": segment,
        "owner_teams": owner_teams or [],
    }


PostedGoal = Annotated[dict[str, Any], Depends(_posted_goal)]


@router.post("/analytics/goals", response_model=None)
def create_goal(
    request: Request, session: SessionDep, user: CurrentUser, draft: PostedGoal
) -> Response:
    created: list[int] = []

    def change() -> None:
        data = _goal_form(draft)
        created.append(service.create_goal(session, data, actor=request_actor(request)).id)

    def refused(message: str, status_code: int) -> Response:
        return _form_page(request, session, user, draft, error=message, status_code=status_code)

    response = submit(
        request, change, done="Goal created.", then="/analytics/goals", refused=refused
    )
    if created:
        response.headers["location"] = f"/analytics/goals/{created[0]}"
    return response


@router.post("/analytics/goals/{goal_id:int}", response_model=None)
def edit_goal(
    request: Request, session: SessionDep, user: CurrentUser, goal_id: int, draft: PostedGoal
) -> Response:
    """Save the edit form: the goal's page (its progress measured again) on success, the
    form with the reason when refused."""

    def change() -> None:
        data = _goal_form(draft)
        service.update_goal(session, goal_id, data, actor=request_actor(request))

    def refused(message: str, status_code: int) -> Response:
        return _form_page(
            request,
            session,
            user,
            draft,
            goal_id=goal_id,
            error=message,
            status_code=status_code,
        )

    return submit(
        request, change, done="Goal saved.", then=f"/analytics/goals/{goal_id}", refused=refused
    )


@router.get("/analytics/goals/{goal_id:int}", response_class=HTMLResponse)
def goal_page(
    request: Request, session: SessionDep, user: CurrentUser, goal_id: int
) -> HTMLResponse:
    goal = service.get_goal(session, goal_id, actor=request_actor(request))
    metric = BY_KEY[goal.metric]
    chart = charts.pacing_chart(
        start=goal.starts_on,
        total_days=goal.progress.total_days,
        series=[(p.day, p.value) for p in goal.progress.series],
        target=goal.target,
        projected=goal.progress.projected,
        cumulative=metric.cumulative,
    )
    context = {**_common(), "goal": goal, "metric": metric, "chart": chart}
    return page(request, "goals/detail.html", user, NAV, context)


@router.post("/analytics/goals/{goal_id:int}/delete", response_model=None)
def delete_goal(request: Request, session: SessionDep, user: CurrentUser, goal_id: int) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return goal_page(request, session, user, goal_id)

    return submit(
        request,
        lambda: service.delete_goal(session, goal_id, actor=request_actor(request)),
        done="Goal deleted.",
        then="/analytics/goals",
        refused=refused,
    )


# --- the plan -------------------------------------------------------------------------------


def _plan_draft(values: dict[str, str]) -> PlanRequest:
    segment = json_field(values.get("segment", ""), "segment")
    return form_schema(
        lambda: PlanRequest.model_validate(
            {
                "target_metric": values.get("target_metric") or "revenue",
                "target": values.get("target", "").replace(",", "") or None,
                "starts_on": values.get("starts_on") or None,
                "ends_on": values.get("ends_on") or None,
                "history_months": values.get("history_months") or 6,
                "segment": segment,
            }
        )
    )


def _plan_page(
    request: Request,
    session: SessionDep,
    user: User,
    values: dict[str, str],
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context: dict[str, Any] = {**_common(), "values": values, "error": error, "result": None}
    if values.get("target") and error is None:
        try:
            request_ = _plan_draft(values)
            context["result"] = service.plan(session, request_actor(request), request_)
        except ValidationFailed as refused:
            context["error"] = error_text(refused)
            status_code = 422
    return page(request, "goals/plan.html", user, NAV, context, status_code=status_code)


@router.get("/analytics/plan", response_class=HTMLResponse)
def plan_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    target_metric: Annotated[str, Query()] = "revenue",
    target: Annotated[str, Query()] = "",
    starts_on: Annotated[str, Query()] = "",
    ends_on: Annotated[str, Query()] = "",
    history_months: Annotated[str, Query()] = "6",
    segment: Annotated[str, Query()] = "",
) -> HTMLResponse:
    """The form and, once a target is given, the plan (a GET: nothing is saved)."""
    values = {
        "target_metric": target_metric,
        "target": target,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "history_months": history_months,
        "segment": segment,
    }
    return _plan_page(request, session, user, values)


@router.post("/analytics/plan/sla-draft", response_model=None)
def plan_sla_draft(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    target_metric: FormText = "",
    target: FormText = "",
    starts_on: FormText = "",
    ends_on: FormText = "",
    history_months: FormText = "6",
    segment: FormText = "",
) -> Response:
    values = {
        "target_metric": target_metric,
        "target": target,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "history_months": history_months,
        "segment": segment,
    }
    drafted: list[str] = []

    def change() -> None:
        made = service.draft_sla_term(session, request_actor(request), _plan_draft(values))
        drafted.append(
            f"SLA draft v{made.number} asks for {made.mql_volume} MQLs a {made.period}: "
            "both leads sign it on the SLA's versions page."
        )

    def refused(message: str, status_code: int) -> Response:
        return _plan_page(request, session, user, values, error=message, status_code=status_code)

    return submit(request, change, done=lambda: drafted[0], then="/sla/versions", refused=refused)

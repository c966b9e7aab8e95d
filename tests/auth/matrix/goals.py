"""The goals' routes: setting goals (goal.manage), reading goals, plans and KPIs
(analytics.read), and drafting the SLA's MQL volume from a plan (sla.draft)."""

from __future__ import annotations

from datetime import date

from huddle.core.actor import SYSTEM
from huddle.goals import service
from huddle.goals.schemas import GoalWrite
from tests.analytics.factories import journey
from tests.auth.matrix.world import Call, Route, World, api, ui, unique

GOAL = "/goals/{goal_id:int}"
PAGE = "/analytics/goals/{goal_id:int}"
RANGE = {"start": "2024-01-01", "end": "2024-03-31"}
PLAN = {
    "target_metric": "new_customers",
    "target": "2",
    "starts_on": "2024-04-01",
    "ends_on": "2024-04-30",
    "history_months": "3",
}


def _goal(w: World) -> int:
    data = GoalWrite(
        name=unique("Goal"),
        metric="mqls",
        target=10,
        starts_on=date(2024, 3, 1),
        ends_on=date(2024, 3, 31),
        owner_teams=["marketing"],
    )
    return service.create_goal(w.db, data, actor=SYSTEM).id


def _new(w: World, _: int | None) -> dict[str, object]:
    return {
        "name": unique("Goal"),
        "metric": "mqls",
        "target": 10,
        "starts_on": "2024-03-01",
        "ends_on": "2024-03-31",
        "owner_teams": ["sales"],
    }


def _on_goal(method: str, path: str, *, body: bool = False) -> Route:
    """A route on a fresh goal; ``body``: the goal's fields, replaced."""

    def build(w: World, _: int | None) -> Call:
        url = path.replace("{goal_id:int}", str(_goal(w)))
        if path.startswith("/api/"):
            return Call(method, url, json=_new(w, None) if body else None)
        return Call(method, url, data={**_new(w, None), "segment": ""} if body else None)

    return Route(method, path, build=build)


def _with_history(method: str, path: str) -> Route:
    """A plan needs a history to work back through: one contact all the way, in January."""

    def build(w: World, _: int | None) -> Call:
        stages = ("lead", "mql", "sal", "sql", "opportunity", "customer")
        journey(w.db, *[(s, f"2024-01-{10 + i:02d}") for i, s in enumerate(stages)])
        if path.startswith("/api/"):
            return Call(method, path, json=PLAN)
        return Call(method, path, data={**PLAN, "segment": ""})

    return Route(method, path, build=build)


GOAL_SETTINGS = [
    api("POST", "/goals", json=_new),
    _on_goal("PUT", f"/api/v1{GOAL}", body=True),
    _on_goal("DELETE", f"/api/v1{GOAL}"),
    ui("GET", "/analytics/goals/new"),
    ui("POST", "/analytics/goals", data=lambda w, o: {**_new(w, o), "segment": ""}),
    _on_goal("GET", f"{PAGE}/edit"),
    _on_goal("POST", PAGE, body=True),
    _on_goal("POST", f"{PAGE}/delete"),
]

SLA_DRAFTS_FROM_PLANS = [
    _with_history("POST", "/api/v1/goals/plan/sla-draft"),
    _with_history("POST", "/analytics/plan/sla-draft"),
]


def _get(path: str, params: dict[str, str] | None = None) -> Route:
    return Route("GET", path, build=lambda w, _: Call("GET", path, params=params))


GOAL_READS = [
    api("GET", "/goals/metrics"),
    api("GET", "/goals"),
    api("GET", "/goals.csv"),
    _on_goal("GET", f"/api/v1{GOAL}"),
    _on_goal("GET", f"/api/v1{GOAL}/progress"),
    _get(
        "/api/v1/goals/suggestion",
        {"metric": "mqls", "starts_on": "2024-03-01", "ends_on": "2024-03-31"},
    ),
    _get("/api/v1/goals/plan", PLAN),
    _get("/api/v1/goals/plan.csv", PLAN),
    _get("/api/v1/goals/kpis", RANGE),
    _get("/api/v1/goals/kpis.csv", RANGE),
    ui("GET", "/analytics/goals"),
    _on_goal("GET", PAGE),
    _get("/analytics/plan", PLAN),
    _get("/analytics/kpis", RANGE),
]

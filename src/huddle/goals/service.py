"""Goals, their progress and pacing, suggested targets, reverse-funnel plans and the KPI
dashboard. Every figure is measured by the analytics service (and the SLA's reports for
compliance) over whole days in the workspace's time zone; the rules are in ``rules.py``."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from huddle.analytics import service as analytics
from huddle.analytics.schemas import FunnelView
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.csvcells import csv_lines
from huddle.core.errors import FieldError, ValidationFailed, found
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.core.stages import STAGES
from huddle.goals import repository, rules
from huddle.goals.catalogue import BY_KEY, METRICS, Kind, Metric
from huddle.goals.events import GoalChanged
from huddle.goals.models import Goal
from huddle.goals.rules import Period
from huddle.goals.schemas import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_DAYS,
    GoalDetail,
    GoalRead,
    GoalWrite,
    KpiCard,
    KpiDashboard,
    PacingPoint,
    Plan,
    PlanRequest,
    PlanStage,
    Progress,
    SlaDraftRead,
    Suggestion,
    SuggestionPeriod,
)
from huddle.scoring import service as scoring_service
from huddle.sla import service as sla_service
from huddle.sla.service import reports as sla_reports

# The funnel stage each count metric counts (period view: first reached in the range).
COUNTED_STAGE = {"mqls": "mql", "sals": "sal", "sqls": "sql", "new_customers": "customer"}
PLAN_STAGES = ("lead", "mql", "sal", "sql", "opportunity", "customer")
# The KPI dashboard's trend: at most this many parts of the range.
TREND_PARTS = 12
DEFAULT_TERM_PERIOD = "month"


def require_manage(actor: Actor) -> None:
    require(actor, Action.GOAL_MANAGE)


def today(session: Session) -> date:
    """Today in the workspace's time zone (the zone analytics counts days in)."""
    return clock.now().astimezone(ZoneInfo(analytics.workspace_time_zone(session))).date()


def default_range(session: Session, months: int = 6) -> tuple[date, date]:
    """This month and the ``months - 1`` before it (as /analytics shows first)."""
    first = today(session).replace(day=1)
    return rules.add_months(first, 1 - months), rules.add_months(first, 1) - timedelta(days=1)


def check_period(start: date, end: date) -> Period:
    """Days ``start``..``end`` as a goal, a suggestion or the dashboard may span; a 422
    naming the field otherwise."""
    problems = []
    for name, day in (("start", start), ("end", end)):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            problems.append(FieldError(name, f"a date between {FIRST_YEAR} and {LAST_YEAR}"))
    if not problems and end < start:
        problems.append(FieldError("end", "must not be before start"))
    if not problems and (end - start).days >= MAX_DAYS:
        problems.append(FieldError("end", "a period is at most five years"))
    if problems:
        raise ValidationFailed(f"{problems[0].field} {problems[0].message}", problems)
    return Period(start, end)


def list_metrics(actor: Actor) -> list[Metric]:
    require(actor, Action.ANALYTICS_READ)
    return list(METRICS)


# --- measuring --------------------------------------------------------------------------------


def measure(
    session: Session,
    actor: Actor,
    period: Period,
    keys: Iterable[str],
    segment: dict[str, Any] | None = None,
) -> dict[str, float | None]:
    """The metrics ``keys`` over the period's days, each from the one analytics (or SLA)
    report that counts it; a report several metrics share is read once."""
    return measure_many(session, actor, [period], keys, segment)[0]


def measure_many(
    session: Session,
    actor: Actor,
    periods: Sequence[Period],
    keys: Iterable[str],
    segment: dict[str, Any] | None = None,
) -> list[dict[str, float | None]]:
    """``measure`` for each period; the funnel's counts of every period in one read."""
    wanted = set(keys)
    counted = wanted & COUNTED_STAGE.keys()
    reached: list[dict[str, int]] = (
        analytics.reached_in(session, actor, [(p.start, p.end) for p in periods], segment=segment)
        if counted and periods
        else [{} for _ in periods]
    )
    deals = wanted & {"revenue", "win_rate"}
    closed = (
        analytics.closed_in(session, actor, [(p.start, p.end) for p in periods])
        if deals and periods
        else [None for _ in periods]
    )
    out: list[dict[str, float | None]] = []
    for period, stages, shut in zip(periods, reached, closed, strict=True):
        values = _measure_others(session, actor, period, wanted - counted - deals, segment)
        values |= {k: float(stages[COUNTED_STAGE[k]]) for k in counted}
        if shut is not None:
            values |= {"revenue": shut.won_amount, "win_rate": shut.win_rate_percent}
        out.append({k: values[k] for k in wanted})
    return out


def _measure_others(
    session: Session,
    actor: Actor,
    period: Period,
    wanted: set[str],
    segment: dict[str, Any] | None,
) -> dict[str, float | None]:
    start, end = period.start, period.end
    out: dict[str, float | None] = {}
    if "acceptance_rate" in wanted:
        cohort = analytics.funnel(
            session, actor, view=FunnelView.COHORT, start=start, end=end, segment=segment
        )
        out["acceptance_rate"] = cohort.total.mql_to_sal_percent
    if "sla_compliance" in wanted:
        out["sla_compliance"] = _sla_compliance(session, actor, period)
    if "velocity" in wanted:
        out["velocity"] = _median_days(session, actor, period, segment, "lead", "customer").get(
            "lead>customer"
        )
    return {k: out[k] for k in wanted}


def _sla_compliance(session: Session, actor: Actor, period: Period) -> float | None:
    require(actor, Action.ANALYTICS_READ)
    span = analytics.date_range(session, period.start, period.end)
    rows = sla_reports.compliance(session, start=span.start_at, end=span.end_at, by="term")
    met, decided = sum(r.met for r in rows), sum(r.decided for r in rows)
    return round(100 * met / decided, 1) if decided else None


def _median_days(
    session: Session,
    actor: Actor,
    period: Period,
    segment: dict[str, Any] | None,
    *stages: str,
) -> dict[str, float | None]:
    """Median days between consecutive ``stages`` (``a>b``; two stages: that one pair),
    from analytics' velocity, asked for those pairs only."""
    report = analytics.velocity(
        session,
        actor,
        start=period.start,
        end=period.end,
        segment=segment,
        pairs=tuple(itertools.pairwise(stages)),
        with_exits=False,
    )
    return {
        f"{p.from_stage}>{p.to_stage}": (
            None if p.median_seconds is None else round(p.median_seconds / 86400, 1)
        )
        for p in report.pairs
    }


# --- goals ------------------------------------------------------------------------------------


def _check(session: Session, data: GoalWrite) -> None:
    metric = BY_KEY[data.metric]
    errors: list[FieldError] = []
    if metric.kind is Kind.PERCENT and data.target > 100:
        errors.append(FieldError("target", "a percentage is at most 100"))
    errors += _segment_errors(session, metric, data.segment)
    if errors:
        raise ValidationFailed(f"{errors[0].field} {errors[0].message}", errors)


def _segment_errors(
    session: Session, metric: Metric, segment: dict[str, Any] | None
) -> list[FieldError]:
    if segment is None:
        return []
    if not metric.segmentable:
        return [
            FieldError(
                "segment",
                f"{metric.label} is counted over every deal or SLA clock: a segment "
                "narrows the funnel's metrics only",
            )
        ]
    return scoring_service.condition_errors(session, segment, "segment")


def create_goal(session: Session, data: GoalWrite, *, actor: Actor) -> Goal:
    require_manage(actor)
    _check(session, data)
    goal = Goal(**data.model_dump(), created_by_id=actor.user_id)
    session.add(goal)
    session.flush()
    after = _audited_fields(goal)
    _changed(session, goal, "created", {k: [None, v] for k, v in after.items()}, actor)
    return goal


def update_goal(session: Session, goal_id: int, data: GoalWrite, *, actor: Actor) -> Goal:
    """Replace a goal's name, metric, target, period, owner teams and segment; the audit
    trail records what changed (nothing when nothing did)."""
    require_manage(actor)
    goal = _goal(session, goal_id)
    _check(session, data)
    before = _audited_fields(goal)
    for name, value in data.model_dump().items():
        setattr(goal, name, value)
    session.flush()
    after = _audited_fields(goal)
    changes = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    if changes:
        _changed(session, goal, "edited", changes, actor)
    return goal


def delete_goal(session: Session, goal_id: int, *, actor: Actor) -> None:
    require_manage(actor)
    goal = _goal(session, goal_id)
    before = _audited_fields(goal)
    _changed(session, goal, "deleted", {k: [v, None] for k, v in before.items()}, actor)
    session.delete(goal)
    session.flush()


def _audited_fields(goal: Goal) -> dict[str, Any]:
    """A goal's fields as the audit trail keeps them: days as ISO text, the segment as its
    JSON text (an entry's changes hold flat values and lists)."""
    fields = GoalWrite.model_validate(goal, from_attributes=True).model_dump(mode="json")
    if fields["segment"] is not None:
        fields["segment"] = json.dumps(fields["segment"], sort_keys=True)
    return fields


def _changed(
    session: Session, goal: Goal, change: str, changes: dict[str, list[Any]], actor: Actor
) -> None:
    event = GoalChanged(
        goal_id=goal.id, name=goal.name, change=change, changes=changes, at=clock.now(), actor=actor
    )
    publish(session, event)


def _goal(session: Session, goal_id: int) -> Goal:
    return found(repository.get_goal(session, goal_id), f"goal #{goal_id}")


def goal_read(goal: Goal) -> GoalRead:
    read = GoalRead.model_validate(goal, from_attributes=True)
    if goal.segment is not None:
        read.segment_text = scoring_service.describe_condition(goal.segment)
    return read


def get_goal(session: Session, goal_id: int, *, actor: Actor) -> GoalDetail:
    require(actor, Action.ANALYTICS_READ)
    goal = _goal(session, goal_id)
    return GoalDetail(**goal_read(goal).model_dump(), progress=progress(session, goal, actor=actor))


def list_goals(session: Session, *, actor: Actor) -> list[GoalDetail]:
    """Every goal with its progress (not its chart's points)."""
    require(actor, Action.ANALYTICS_READ)
    return [
        GoalDetail(
            **goal_read(goal).model_dump(),
            progress=progress(session, goal, actor=actor, series=False),
        )
        for goal in repository.list_goals(session)
    ]


def progress(session: Session, goal: Goal, *, actor: Actor, series: bool = True) -> Progress:
    """The value so far, the projection and the status (``rules``); with ``series`` the
    value so far at up to 8 days for the pacing chart (the last one is the value)."""
    require(actor, Action.ANALYTICS_READ)
    metric = BY_KEY[goal.metric]
    period = Period(goal.starts_on, goal.ends_on)
    now = today(session)
    elapsed = period.elapsed_days(now)
    days = rules.checkpoints(period, now) if series else []
    if elapsed and (not days or days[-1] != period.through(now)):
        days.append(period.through(now))
    values = measure_many(
        session, actor, [Period(period.start, day) for day in days], [metric.key], goal.segment
    )
    points = [
        PacingPoint(day=day, value=v[metric.key]) for day, v in zip(days, values, strict=True)
    ]
    value = points[-1].value if points else None
    projection = rules.projected(value, metric, period, now)
    return Progress(
        goal_id=goal.id,
        metric=goal.metric,
        target=goal.target,
        today=now,
        through=period.through(now) if elapsed else None,
        value=value,
        percent_of_target=(
            None if value is None or not goal.target else round(100 * value / goal.target, 1)
        ),
        elapsed_days=elapsed,
        total_days=period.days,
        projected=projection,
        status=rules.status(value, projection, goal.target, metric, elapsed > 0),
        finished=now > period.end,
        series=points if series else [],
    )


# --- suggestion -------------------------------------------------------------------------------


def suggest(
    session: Session,
    actor: Actor,
    *,
    metric_key: str,
    starts_on: date,
    ends_on: date,
    segment: dict[str, Any] | None = None,
) -> Suggestion:
    """A target for a new goal from history: the trailing trend and the same period last
    year, with a band from comfortable to stretch and the reasoning in words."""
    require(actor, Action.ANALYTICS_READ)
    metric = BY_KEY[metric_key]
    errors = _segment_errors(session, metric, segment)
    if errors:
        raise ValidationFailed(f"{errors[0].field} {errors[0].message}", errors)
    period = check_period(starts_on, ends_on)
    earlier = [period.shifted(n) for n in range(rules.TRAILING_PERIODS, 0, -1)]
    trailing = [_valued(session, actor, p, metric, segment) for p in earlier]
    last_year = _valued(session, actor, period.year_before(), metric, segment)
    trend = rules.trend_next([p.value for p in trailing])
    band = rules.band(trend, last_year.value, metric)
    return Suggestion(
        metric=metric.key,
        starts_on=starts_on,
        ends_on=ends_on,
        trailing=trailing,
        trend=None if trend is None else rules.rounded(trend, metric),
        last_year=last_year,
        comfortable=band.comfortable if band else None,
        suggested=band.suggested if band else None,
        stretch=band.stretch if band else None,
        reasoning=_reasoning(metric, trailing, trend, last_year, band),
    )


def _valued(
    session: Session, actor: Actor, period: Period, metric: Metric, segment: dict[str, Any] | None
) -> SuggestionPeriod:
    value = measure(session, actor, period, [metric.key], segment)[metric.key]
    return SuggestionPeriod(starts_on=period.start, ends_on=period.end, value=value)


def shown(value: float | None, metric: Metric) -> str:
    """A figure in words: "12", "4,500.00", "37.5%", "21.5 days", "no value"."""
    if value is None:
        return "no value"
    if metric.kind is Kind.COUNT:
        return f"{value:,.0f}"
    if metric.kind is Kind.AMOUNT:
        return f"{value:,.2f}"
    return f"{value:g}%" if metric.kind is Kind.PERCENT else f"{value:g} days"


def _days(p: SuggestionPeriod) -> str:
    return f"{p.starts_on:%-d %b %Y} to {p.ends_on:%-d %b %Y}"


def _reasoning(
    metric: Metric,
    trailing: list[SuggestionPeriod],
    trend: float | None,
    last_year: SuggestionPeriod,
    band: rules.Band | None,
) -> list[str]:
    history = "; ".join(f"{_days(p)}: {shown(p.value, metric)}" for p in trailing)
    words = [f"The three periods before: {history}."]
    known = sum(p.value is not None for p in trailing)
    if trend is None:
        words.append("None of them has a value, so there is no trend.")
    elif known == 1:
        words.append(f"Only one has a value: the trend stays flat at {shown(trend, metric)}.")
    else:
        words.append(
            "A straight line through them (least squares), continued one period, gives "
            f"{shown(rules.rounded(trend, metric), metric)}."
        )
    words.append(
        f"The same period last year ({_days(last_year)}): {shown(last_year.value, metric)}."
    )
    if band is None:
        words.append("Without history there is no suggestion: set the target by hand.")
        return words
    lower, higher = ("higher", "lower") if metric.lower_is_better else ("lower", "higher")
    change = "less" if metric.lower_is_better else "plus"
    words.append(
        f"Comfortable: {shown(band.comfortable, metric)}, the {lower} of the two; stretch: "
        f"{shown(band.stretch, metric)}, the {higher} {change} 10%; suggested: "
        f"{shown(band.suggested, metric)}, in the middle."
    )
    return words


# --- the reverse-funnel plan ------------------------------------------------------------------


def history_of(request: PlanRequest) -> Period:
    """The ``history_months`` whole months before the plan's first month."""
    first = request.starts_on.replace(day=1)
    return Period(rules.add_months(first, -request.history_months), first - timedelta(days=1))


def plan(session: Session, actor: Actor, request: PlanRequest) -> Plan:
    """The leads, MQLs, SALs, SQLs and opportunities a revenue or new-customer target needs,
    and the day each must be reached by, from the history's conversion and velocity."""
    require(actor, Action.ANALYTICS_READ)
    segment = request.segment
    errors = _segment_errors(session, BY_KEY["mqls"], segment)
    if errors:
        raise ValidationFailed(f"{errors[0].field} {errors[0].message}", errors)
    history = history_of(request)
    messages: list[str] = []
    if segment is not None:
        messages.append(
            f"Segment: {scoring_service.describe_condition(segment)}. Conversion and velocity "
            "are the segment's; the average deal is every deal's."
        )
    customers, average = _customers_needed(session, actor, request, history, messages)
    cohort = analytics.funnel(
        session,
        actor,
        view=FunnelView.COHORT,
        start=history.start,
        end=history.end,
        segment=segment,
    )
    reached = {s.stage: s.count for s in cohort.total.steps}
    needs = (
        rules.work_back(customers, PLAN_STAGES, reached)
        if customers is not None
        else [rules.Need(s, None, reached[s], None) for s in PLAN_STAGES]
    )
    medians = _median_days(session, actor, history, segment, *PLAN_STAGES)
    by = rules.deadlines(request.ends_on, PLAN_STAGES, medians)
    stages = [
        _plan_stage(need, when, medians, messages) for need, when in zip(needs, by, strict=True)
    ]
    _explain_dates(stages, messages)
    mqls = next(s.needed for s in stages if s.stage == "mql")
    return Plan(
        target_metric=request.target_metric,
        target=request.target,
        starts_on=request.starts_on,
        ends_on=request.ends_on,
        history_start=history.start,
        history_end=history.end,
        segment=segment,
        average_deal=average,
        customers_needed=customers,
        stages=stages,
        mqls_needed=mqls,
        complete=all(s.needed is not None for s in stages),
        messages=messages,
    )


def _customers_needed(
    session: Session, actor: Actor, request: PlanRequest, history: Period, messages: list[str]
) -> tuple[int | None, float | None]:
    kpis = analytics.kpis(session, actor, start=history.start, end=history.end)
    average = round(kpis.won_amount / kpis.deals_won, 2) if kpis.deals_won else None
    if request.target_metric == "new_customers":
        return int(-(-request.target // 1)), average
    customers = rules.customers_for_revenue(request.target, kpis.deals_won, kpis.won_amount)
    if customers is None:
        messages.append(
            f"No deal was won from {history.start:%-d %b %Y} to {history.end:%-d %b %Y}: the "
            "average deal is unknown, so the customers a revenue target needs are too."
        )
    else:
        messages.append(
            f"{kpis.deals_won} deals won for {kpis.won_amount:,.2f} in the history make an "
            f"average deal of {average:,.2f}: {request.target:,.2f} needs {customers} new "
            "customers (one won deal per new customer)."
        )
    return customers, average


def _plan_stage(
    need: rules.Need, by: date | None, medians: dict[str, float | None], messages: list[str]
) -> PlanStage:
    after = PLAN_STAGES[PLAN_STAGES.index(need.stage) + 1] if need.stage != "customer" else None
    problem = None
    if need.problem == "unknown rate" and after:
        problem = (
            f"Nobody reached {STAGES[need.stage]} in the history's cohorts: the "
            f"{STAGES[need.stage]} → {STAGES[after]} rate is unknown."
        )
    elif need.problem == "zero rate" and after:
        problem = (
            f"None of the {need.reached} contacts that reached {STAGES[need.stage]} went on "
            f"to {STAGES[after]}: at that rate no number of them reaches the target."
        )
    if problem:
        messages.append(problem)
    return PlanStage(
        stage=need.stage,
        label=STAGES[need.stage],
        needed=need.needed,
        by=by,
        conversion_percent=(
            None
            if need.next_reached is None or need.reached == 0
            else round(100 * need.next_reached / need.reached, 1)
        ),
        median_days_to_next=medians.get(f"{need.stage}>{after}") if after else None,
        problem=problem,
    )


def _explain_dates(stages: list[PlanStage], messages: list[str]) -> None:
    for stage, after in itertools.pairwise(stages):
        if stage.by is None and after.by is not None:
            messages.append(
                f"No measured {stage.label} → {after.label} time in the history: the dates "
                f"before {after.label} are unknown."
            )


def draft_sla_term(session: Session, actor: Actor, request: PlanRequest) -> SlaDraftRead:
    """The plan's MQLs as the MQL-volume term of a new SLA draft (the active version's, else
    the newest one's, text and terms, the term's count replaced): both leads sign it."""
    result = plan(session, actor, request)
    if result.mqls_needed is None:
        raise ValidationFailed(
            "plan incomplete",
            [FieldError("target", "the plan could not work out the MQLs needed")],
        )
    base = sla_service.active_version(session) or _newest_version(session)
    terms = [dict(t) for t in base.terms] if base else []
    term = next((t for t in terms if t.get("kind") == "mql_volume"), None)
    if term is None:
        taken = any(t.get("key") == "mql_volume" for t in terms)
        key = "mql_volume_plan" if taken else "mql_volume"
        term = {"key": key, "kind": "mql_volume", "period": DEFAULT_TERM_PERIOD}
        terms.append(term)
    period = str(term.get("period", DEFAULT_TERM_PERIOD))
    days = Period(request.starts_on, request.ends_on).days
    term["count"] = rules.per_term_period(result.mqls_needed, days, period)
    version = sla_service.create_draft(
        session,
        actor,
        title=base.title if base else "Service level agreement",
        body=base.body if base else "",
        terms=terms,
        based_on_id=base.id if base else None,
    )
    return SlaDraftRead(
        version_id=version.id, number=version.number, mql_volume=term["count"], period=period
    )


def _newest_version(session: Session) -> Any:
    versions = sla_service.list_versions(session)
    return max(versions, key=lambda v: v.number) if versions else None


# --- the KPI dashboard ------------------------------------------------------------------------


def trend_parts(period: Period) -> list[Period]:
    """The range cut for a trend: its calendar months when it is 2 or more whole months,
    else up to 6 runs of days; at most TREND_PARTS, the latest kept."""
    months = period.whole_months
    if months >= 2:
        firsts = [rules.add_months(period.start, i) for i in range(months)]
        parts = [Period(f, rules.add_months(f, 1) - timedelta(days=1)) for f in firsts]
    else:
        count = min(6, period.days)
        cuts = [period.start + timedelta(days=period.days * i // count) for i in range(count + 1)]
        cuts[-1] = period.end + timedelta(days=1)
        parts = [Period(a, b - timedelta(days=1)) for a, b in itertools.pairwise(cuts)]
    return parts[-TREND_PARTS:]


def kpi_dashboard(session: Session, actor: Actor, *, start: date, end: date) -> KpiDashboard:
    """Every metric of the catalogue for the range, the same days just before, a trend over
    the range's parts, and the goal on the metric when one (for everyone) overlaps it."""
    require(actor, Action.ANALYTICS_READ)
    period = check_period(start, end)
    span = analytics.date_range(session, start, end)
    previous = period.shifted(1)
    keys = [m.key for m in METRICS]
    parts = trend_parts(period)
    now_values, before, *per_part = measure_many(session, actor, [period, previous, *parts], keys)
    trends = list(zip(parts, per_part, strict=True))
    goals = repository.goals_overlapping(session, start, end)
    cards = []
    for metric in METRICS:
        goal = next((g for g in goals if g.metric == metric.key), None)
        value, prior = now_values[metric.key], before[metric.key]
        cards.append(
            KpiCard(
                metric=metric.key,
                label=metric.label,
                kind=metric.kind.value,
                value=value,
                previous=prior,
                change_percent=(
                    None if value is None or not prior else round(100 * (value - prior) / prior, 1)
                ),
                trend=[PacingPoint(day=p.end, value=v[metric.key]) for p, v in trends],
                goal=goal_read(goal) if goal else None,
                goal_status=(
                    progress(session, goal, actor=actor, series=False).status if goal else None
                ),
            )
        )
    return KpiDashboard(
        start=start,
        end=end,
        previous_start=previous.start,
        previous_end=previous.end,
        time_zone=span.zone,
        cards=cards,
    )


# --- CSV --------------------------------------------------------------------------------------


def goals_csv(goals: list[GoalDetail]) -> Iterator[str]:
    header = ["id", "name", "metric", "target", "starts_on", "ends_on", "owner_teams"]
    header += ["segment", "value", "percent_of_target", "projected", "status"]
    return csv_lines(
        header,
        (
            [
                g.id,
                g.name,
                g.metric,
                g.target,
                g.starts_on,
                g.ends_on,
                " ".join(g.owner_teams),
                g.segment_text,
                g.progress.value,
                g.progress.percent_of_target,
                g.progress.projected,
                g.progress.status,
            ]
            for g in goals
        ),
    )


def plan_csv(result: Plan) -> Iterator[str]:
    header = ["stage", "needed", "by", "conversion_percent", "median_days_to_next", "problem"]
    return csv_lines(
        header,
        (
            [s.stage, s.needed, s.by, s.conversion_percent, s.median_days_to_next, s.problem]
            for s in result.stages
        ),
    )


def kpis_csv(report: KpiDashboard) -> Iterator[str]:
    header = ["metric", "label", "value", "previous", "change_percent"]
    header += ["goal_target", "goal_status"]
    return csv_lines(
        header,
        (
            [
                c.metric,
                c.label,
                c.value,
                c.previous,
                c.change_percent,
                c.goal.target if c.goal else None,
                c.goal_status,
            ]
            for c in report.cards
        ),
    )

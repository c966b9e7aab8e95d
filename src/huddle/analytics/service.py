"""The funnel, velocity and KPI reports: read-only, the same figures for the pages, the API
and the CSV exports. The counting rules are in ``rules.py`` (and the README)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import FromClause, Select
from sqlalchemy.orm import Session

from huddle.analytics import repository
from huddle.analytics.rules import (
    EXIT_STAGES,
    FIRST_TOUCH,
    STALL_DAYS,
    VELOCITY_PAIRS,
    DateRange,
    bucket_labels,
    percent,
    quantile_positions,
)
from huddle.analytics.schemas import (
    Breakdown,
    ClosedDeals,
    ExitRow,
    FunnelRead,
    FunnelRow,
    FunnelView,
    KpiRead,
    StageCount,
    VelocityPair,
    VelocityRead,
)
from huddle.contacts import service as contacts_service
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.csvcells import csv_lines
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, require
from huddle.core.stages import FUNNEL, STAGES
from huddle.lifecycle import service as lifecycle_service
from huddle.scoring import service as scoring_service
from huddle.sla import service as sla_service

# Cohort months are a CASE over the range's months: keep a range to ten years.
MAX_MONTHS = 120
NO_VALUE = "(none)"


def workspace_time_zone(session: Session) -> str:
    """The zone days and months are counted in: the company calendar's, else UTC."""
    for calendar in sla_service.list_calendars(session):
        if calendar.scope == "company":
            return calendar.time_zone
    return "UTC"


def date_range(session: Session, start: date, end: date) -> DateRange:
    """Days ``start``..``end`` in the workspace's zone; 422 naming the field when wrong."""
    if end < start:
        raise ValidationFailed("bad range", [FieldError("end", "must not be before start")])
    span = DateRange(start, end, workspace_time_zone(session))
    if len(span.months()) > MAX_MONTHS:
        raise ValidationFailed(
            "range too long", [FieldError("end", f"at most {MAX_MONTHS} months after start")]
        )
    return span


def breakdowns(session: Session, actor: Actor) -> list[Breakdown]:
    """What a funnel can be broken down by: the built-in fields, then each contact custom
    field (``custom.<key>``)."""
    require(actor, Action.ANALYTICS_READ)
    built_in = [Breakdown(key=d.key, label=d.label) for d in repository.DIMENSIONS]
    custom = [
        Breakdown(key=f"custom.{f.key}", label=f.label)
        for f in contacts_service.list_custom_fields(session, "contact")
        if repository.is_dimension(f"custom.{f.key}")
    ]
    return built_in + custom


def journeys(session: Session, *, recount: bool = False) -> FromClause:
    """Where the reports read each contact's journey: the roll-up, brought up to date first
    (the fast path), or with ``recount`` a grouping of the whole stage history on the spot
    (the plain count; tests and the benchmark check the two agree)."""
    if recount:
        return repository.recount()
    refresh_journeys(session)
    return repository.rollup()


def refresh_journeys(session: Session) -> int:
    """Bring the funnel's roll-up up to date (the background job's work, ``tasks``: the
    reports then have little or nothing to add); how many journeys were rebuilt."""
    return repository.refresh_journeys(session)


def _members(session: Session, segment: dict[str, Any] | None) -> Select[Any] | None:
    """The contacts of a segment (a record condition, checked by the caller), or None for
    everyone."""
    return None if segment is None else scoring_service.segment_members(session, segment)


def _check_breakdown(by: str | None) -> None:
    if by is not None and not repository.is_dimension(by):
        raise ValidationFailed(
            "unknown breakdown",
            [FieldError("by", "must be one of the breakdowns or custom.<field key>")],
        )


def funnel_row(
    counts: list[int],
    *,
    cohort: str | None = None,
    group: str | None = None,
    label: str | None = None,
) -> FunnelRow:
    """One funnel: counts in FUNNEL's order, with each stage's conversion and the ratios."""
    at = dict(zip(FUNNEL, counts, strict=True))
    steps = [
        StageCount(
            stage=stage,
            label=STAGES[stage],
            count=count,
            conversion_percent=percent(count, counts[i - 1]) if i else None,
            of_first_percent=percent(count, counts[0]),
        )
        for i, (stage, count) in enumerate(at.items())
    ]
    return FunnelRow(
        cohort=cohort,
        group=group,
        group_label=label,
        steps=steps,
        mql_to_sal_percent=percent(at["sal"], at["mql"]),
        sql_to_customer_percent=percent(at["customer"], at["sql"]),
        lead_to_customer_percent=percent(at["customer"], at["lead"]),
    )


def _labels(session: Session, by: str | None, values: set[str | None]) -> dict[str | None, str]:
    labels: dict[str | None, str] = {v: v for v in values if v is not None}
    if by == "owner":
        ids = [int(v) for v in values if v is not None]
        names = repository.owner_names(session, ids)
        labels = {v: names.get(int(v), f"User {v}") for v in values if v is not None}
    labels[None] = NO_VALUE
    return labels


def _sum(rows: list[list[int]]) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * len(FUNNEL)


def funnel(
    session: Session,
    actor: Actor,
    *,
    view: FunnelView,
    start: date,
    end: date,
    by: str | None = None,
    recount: bool = False,
    segment: dict[str, Any] | None = None,
) -> FunnelRead:
    """The funnel for ``start``..``end``: by cohort month (contacts that first entered the
    funnel in each month, and how far they have got) or by period (contacts that first
    reached each stage in the range), optionally broken down by ``by`` and kept to the
    contacts of ``segment`` (a record condition the caller has checked)."""
    require(actor, Action.ANALYTICS_READ)
    _check_breakdown(by)
    span = date_range(session, start, end)
    within = _members(session, segment)
    if view is FunnelView.COHORT:
        months = span.months()
        found = repository.cohort_counts(
            session,
            bounds=span.month_bounds(),
            by=by,
            source=journeys(session, recount=recount),
            within=within,
        )
        labels = _labels(session, by, {group for _, group, _ in found})
        rows = [
            funnel_row(
                counts,
                cohort=months[month].strftime("%Y-%m"),
                group=group,
                label=labels[group] if by else None,
            )
            for month, group, counts in found
        ]
        rows.sort(key=lambda r: (r.cohort or "", -r.steps[0].count, r.group_label or ""))
        total = _sum([counts for _, _, counts in found])
    else:
        found_period = repository.period_counts(
            session,
            start=span.start_at,
            end=span.end_at,
            by=by,
            source=journeys(session, recount=recount),
            within=within,
        )
        labels = _labels(session, by, {group for group, _ in found_period})
        rows = [
            funnel_row(counts, group=group, label=labels[group] if by else None)
            for group, counts in found_period
            if any(counts)
        ]
        rows.sort(key=lambda r: (-r.steps[0].count, r.group_label or ""))
        total = _sum([counts for _, counts in found_period])
    return FunnelRead(
        start=start,
        end=end,
        time_zone=span.zone,
        view=view,
        by=by,
        total=funnel_row(total),
        rows=rows,
    )


def reached_in(
    session: Session,
    actor: Actor,
    spans: Sequence[tuple[date, date]],
    *,
    segment: dict[str, Any] | None = None,
) -> list[dict[str, int]]:
    """For each range of days: the contacts that first reached each funnel stage in it (the
    period view's total, by stage), all ranges in one pass: a trend's points cost one read."""
    require(actor, Action.ANALYTICS_READ)
    ranges = [date_range(session, start, end) for start, end in spans]
    found = repository.period_counts_many(
        session,
        ranges=[(r.start_at, r.end_at) for r in ranges],
        source=journeys(session),
        within=_members(session, segment),
    )
    return [dict(zip(FUNNEL, counts, strict=True)) for counts in found]


def closed_in(
    session: Session, actor: Actor, spans: Sequence[tuple[date, date]]
) -> list[ClosedDeals]:
    """For each range of days: deals won (count, amount) and lost in it, and the win rate,
    as ``kpis`` counts them; all ranges in one pass."""
    require(actor, Action.ANALYTICS_READ)
    ranges = [date_range(session, start, end) for start, end in spans]
    found = repository.closed_deals_many(session, ranges=[(r.start_at, r.end_at) for r in ranges])
    return [
        ClosedDeals(
            won=won,
            won_amount=round(amount, 2),
            lost=lost,
            win_rate_percent=percent(won, won + lost),
        )
        for won, amount, lost in found
    ]


def _quantile(stats: repository.SpanStats, q: float) -> float:
    low, high, weight = quantile_positions(stats.count, q)
    below, above = stats.values[low], stats.values[high]
    # Tenths of a second: the interpolation's float noise never shows.
    return round(below + (above - below) * weight, 1)


def _pair_label(a: str, b: str) -> str:
    return f"{'First touch' if a == FIRST_TOUCH else STAGES[a]} → {STAGES[b]}"


def velocity(
    session: Session,
    actor: Actor,
    *,
    start: date,
    end: date,
    recount: bool = False,
    segment: dict[str, Any] | None = None,
    pairs: tuple[tuple[str, str], ...] = VELOCITY_PAIRS,
    with_exits: bool = True,
) -> VelocityRead:
    """Time between stages for contacts that arrived in the second stage in the range
    (median, 80th percentile, mean, distribution), and where contacts leave or stall. A
    ``segment`` (a checked record condition) keeps the times to its contacts; where
    contacts leave or stall is always everyone's. A caller that needs only some ``pairs``
    (of VELOCITY_PAIRS), and no exits, asks for less work."""
    require(actor, Action.ANALYTICS_READ)
    span = date_range(session, start, end)
    source = journeys(session, recount=recount)
    stats, histogram = repository.span_figures(
        session,
        start=span.start_at,
        end=span.end_at,
        source=source,
        within=_members(session, segment),
        pairs=pairs,
    )
    empty = [0] * len(bucket_labels())
    measured = []
    for a, b in pairs:
        s = stats.get(f"{a}>{b}")
        measured.append(
            VelocityPair(
                from_stage=a,
                to_stage=b,
                label=_pair_label(a, b),
                count=s.count if s else 0,
                median_seconds=_quantile(s, 0.5) if s else None,
                p80_seconds=_quantile(s, 0.8) if s else None,
                mean_seconds=round(s.mean, 1) if s else None,
                distribution=histogram.get(f"{a}>{b}", empty),
            )
        )
    return VelocityRead(
        start=start,
        end=end,
        time_zone=span.zone,
        pairs=measured,
        buckets=bucket_labels(),
        exits=_exits(session, span) if with_exits else [],
        stall_days=STALL_DAYS,
    )


def _exits(session: Session, span: DateRange) -> list[ExitRow]:
    left: dict[tuple[str, str], int] = {
        (a, b): n for a, b, n in repository.exits(session, start=span.start_at, end=span.end_at)
    }
    now = clock.now()
    stalled = repository.stalled(session, at=min(now, span.end_at))
    return [
        ExitRow(
            stage=stage,
            label=STAGES[stage],
            **{exit_stage: left.get((stage, exit_stage), 0) for exit_stage in EXIT_STAGES},
            in_stage=stalled.get(stage, (0, 0))[0],
            stalled=stalled.get(stage, (0, 0))[1],
        )
        for stage in FUNNEL[:-1]
    ]


def kpis(session: Session, actor: Actor, *, start: date, end: date) -> KpiRead:
    """The shared KPIs for the range: conversion ratios of the contacts that entered the
    funnel in it (cohort rule), deals won and lost in it, and the open pipeline now."""
    cohort = funnel(session, actor, view=FunnelView.COHORT, start=start, end=end).total
    span = date_range(session, start, end)
    closed = repository.closed_deals(session, start=span.start_at, end=span.end_at)
    won, won_amount, won_currency = closed.get("won", (0, 0.0, None))
    lost, _, _ = closed.get("lost", (0, 0.0, None))
    return KpiRead(
        start=start,
        end=end,
        time_zone=span.zone,
        mql_to_sal_percent=cohort.mql_to_sal_percent,
        sql_to_customer_percent=cohort.sql_to_customer_percent,
        lead_to_customer_percent=cohort.lead_to_customer_percent,
        deals_won=won,
        deals_lost=lost,
        deal_win_rate_percent=percent(won, won + lost),
        won_amount=round(won_amount, 2),
        won_currency=won_currency,
        open_pipeline=lifecycle_service.pipeline_board(session, cards_per_column=1).totals,
    )


# --- CSV ----------------------------------------------------------------------------------


def funnel_csv(report: FunnelRead) -> Iterator[str]:
    """The funnel as CSV: one line per row (the total first), counts and conversions."""
    header = ["cohort", "group", *FUNNEL]
    header += [f"{s}_conversion_percent" for s in FUNNEL[1:]]
    header += ["mql_to_sal_percent", "sql_to_customer_percent", "lead_to_customer_percent"]

    def line(row: FunnelRow, group: str | None) -> list[object]:
        return [
            row.cohort or "",
            group,
            *[s.count for s in row.steps],
            *[s.conversion_percent for s in row.steps[1:]],
            row.mql_to_sal_percent,
            row.sql_to_customer_percent,
            row.lead_to_customer_percent,
        ]

    lines = [line(report.total, "(all)")]
    lines += [line(r, r.group_label) for r in report.rows]
    return csv_lines(header, lines)


def velocity_csv(report: VelocityRead) -> Iterator[str]:
    """Velocity as CSV: one line per pair, seconds, then the distribution's buckets."""
    header = ["from_stage", "to_stage", "count", "median_seconds", "p80_seconds", "mean_seconds"]
    header += report.buckets
    return csv_lines(
        header,
        (
            [
                p.from_stage,
                p.to_stage,
                p.count,
                p.median_seconds,
                p.p80_seconds,
                p.mean_seconds,
                *p.distribution,
            ]
            for p in report.pairs
        ),
    )


def history_moved(session: Session, contact_id: int) -> None:
    """The contact's stage history changed without new rows (a merge): its journey in the
    roll-up is rebuilt at the next read."""
    repository.mark_stale(session, contact_id)

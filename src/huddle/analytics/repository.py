"""The analytics queries: every figure is one set-at-a-time statement over the stage
history, grouped in the database; Python only shapes the few rows that come back.

The rules they apply are in ``rules.py``. Each contact's journey (the first moment it
entered and the first moment it reached each funnel stage) is one grouped pass over
``stage_transitions``; the funnel, cohorts and velocity read it.
"""

from __future__ import annotations

import itertools
import re
import typing
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    FromClause,
    Select,
    String,
    Table,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
    union,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from huddle.analytics.models import FunnelJourney, FunnelRollup, StaleJourney
from huddle.analytics.rules import (
    DURATION_BUCKETS_DAYS,
    EXIT_STAGES,
    FIRST_TOUCH,
    QUANTILES,
    STALL_DAYS,
    VELOCITY_PAIRS,
    quantile_positions,
    reached_from,
)
from huddle.auth.models import User
from huddle.contacts.models import Account, Contact
from huddle.core.bulk import bulk_statement
from huddle.core.rawsql import Prepared
from huddle.core.stages import FUNNEL
from huddle.lifecycle.models import Opportunity, StageTransition, one_currency
from huddle.scoring.models import ContactGrade, GradingProfile

T = StageTransition.__table__
J = typing.cast(Table, FunnelJourney.__table__)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECONDS = 1_000_000


def micros(moment: datetime) -> int:
    """``moment`` as the roll-up keeps it: whole microseconds since 1970-01-01 UTC."""
    return (moment - EPOCH) // timedelta(microseconds=1)


class epoch_micros(FunctionElement[int]):
    """A stored datetime as whole microseconds since 1970-01-01 UTC, on either database."""

    type = BigInteger()
    inherit_cache = True


@compiles(epoch_micros)
def _epoch_micros_sqlite(element: epoch_micros, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps naive UTC text "YYYY-MM-DD HH:MM:SS.ffffff" (UTCDateTime): the whole
    # seconds by strftime, given no fraction (it would round .9995 up into the next second,
    # and month), then the six digits after the point as they are.
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return (
        f"(CAST(strftime('%s', substr({moment}, 1, 19)) AS INTEGER) * {MICROSECONDS}"
        f" + CAST(substr({moment}, 21, 6) AS INTEGER))"
    )


@compiles(epoch_micros, "postgresql")
def _epoch_micros_postgresql(element: epoch_micros, compiler: SQLCompiler, **kw: Any) -> str:
    # EXTRACT gives an exact numeric on PostgreSQL 14 and later.
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM {moment}) * {MICROSECONDS} AS BIGINT)"


def whole_seconds(microseconds: ColumnElement[Any]) -> ColumnElement[int]:
    """A span in microseconds rounded to whole seconds (halves away from zero, as both
    databases round)."""
    return cast(func.round(microseconds / literal(float(MICROSECONDS))), BigInteger)


def _journey_columns() -> list[Any]:
    columns: list[Any] = [T.c.contact_id]
    for stage in FUNNEL:
        # The earliest moment first (time order on both databases), converted once.
        entered = func.min(case((T.c.to_stage == stage, T.c.at)))
        reached = func.min(case((T.c.to_stage.in_(reached_from(stage)), T.c.at)))
        columns.append(epoch_micros(entered).label(f"entered_{stage}"))
        columns.append(epoch_micros(reached).label(f"reached_{stage}"))
    return columns


def _grouped_journeys() -> Any:
    return select(*_journey_columns()).where(T.c.to_stage.in_(FUNNEL)).group_by(T.c.contact_id)


def recount() -> FromClause:
    """Every contact's journey grouped from the stage history on the spot: one row per
    contact with funnel history, ``entered_<stage>`` (its first entry into that stage
    itself) and ``reached_<stage>`` (its first entry into it or a later stage), in
    microseconds since 1970 (``micros``). The plain count the roll-up (``funnel_journeys``,
    the same columns) must always equal."""
    return _grouped_journeys().cte("journeys")


def rollup() -> FromClause:
    """The journeys as kept in ``funnel_journeys`` (call ``refresh_journeys`` first)."""
    return J


def refresh_journeys(session: Session) -> int:
    """Bring ``funnel_journeys`` up to date: rebuild the journey of every contact with
    history rows added since the last refresh (the history is append-only: a row's id says
    whether the roll-up has seen it) or marked stale by a merge. Returns how many contacts
    were rebuilt. Readers serialise on the watermark's row."""
    state = session.get(FunnelRollup, 1, with_for_update=True)
    if state is None:
        state = FunnelRollup(id=1, through_id=0)
        session.add(state)
        session.flush()
    latest = session.scalar(select(func.max(T.c.id))) or 0
    stale = session.scalar(select(func.count()).select_from(StaleJourney)) or 0
    if latest <= state.through_id and not stale:
        return 0
    grouped = _grouped_journeys()
    if state.through_id == 0:
        # The first build: every contact, no list of which.
        session.execute(delete(J))
    else:
        touched = union(
            select(T.c.contact_id).where(T.c.id > state.through_id, T.c.id <= latest),
            select(StaleJourney.contact_id),
        ).subquery()
        chosen = select(touched.c.contact_id)
        session.execute(delete(J).where(J.c.contact_id.in_(chosen)))
        grouped = grouped.where(T.c.contact_id.in_(chosen))
    grouped = grouped.where(T.c.id <= latest)
    with bulk_statement():
        session.execute(insert(J).from_select([c.name for c in J.c], grouped))
    # Counted rather than the INSERT's rowcount, which psycopg leaves at -1 here.
    rebuilt = session.scalar(
        select(func.count()).select_from(J if state.through_id == 0 else grouped.subquery())
    )
    session.execute(delete(StaleJourney))
    if state.through_id == 0 and session.get_bind().dialect.name == "postgresql":
        # The planner's statistics of the new rows now, not at autovacuum's next visit: with
        # none it takes a million journeys for a few thousand (sorts to disk, no hashing).
        session.execute(text("ANALYZE funnel_journeys"))
    state.through_id = latest
    session.flush()
    return rebuilt or 0


def mark_stale(session: Session, contact_id: int) -> None:
    """The contact's history changed without new rows: rebuild its journey next time."""
    exists = select(StaleJourney.contact_id).where(StaleJourney.contact_id == contact_id)
    if session.scalar(exists) is None:
        session.add(StaleJourney(contact_id=contact_id))
        session.flush()


# --- breakdowns ---------------------------------------------------------------------------

CUSTOM_KEY = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
SEGMENTS: tuple[tuple[int, str], ...] = ((100, "SMB"), (1000, "Mid-market"))
LARGEST_SEGMENT = "Enterprise"


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("source", "First-touch source"),
    Dimension("medium", "First-touch medium"),
    Dimension("campaign", "First-touch campaign"),
    Dimension("owner", "Owner"),
    Dimension("team", "Owner's team"),
    Dimension("grade", "Grade"),
    Dimension("persona", "Persona"),
    Dimension("country", "Country"),
    Dimension("region", "Account region"),
    Dimension("segment", "Account segment"),
)


def is_dimension(by: str) -> bool:
    """A built-in breakdown or ``custom.<key>`` (a contact custom field's key)."""
    if by.startswith("custom."):
        return bool(CUSTOM_KEY.match(by.removeprefix("custom.")))
    return any(d.key == by for d in DIMENSIONS)


def _segment(employees: Any) -> ColumnElement[Any]:
    return case(
        *[(employees < bound, literal(name)) for bound, name in SEGMENTS],
        (employees.is_not(None), literal(LARGEST_SEGMENT)),
    )


def group_by(query: Any, contact_id: ColumnElement[Any], by: str | None) -> Any:
    """``query`` with a ``grp`` column: the value of breakdown ``by`` for each contact (the
    contact's own column, its owner's, its account's, its grade, or ``custom.<key>``), or
    NULL when ``by`` is None. Joins only what the breakdown reads."""
    if by is None:
        return query.add_columns(cast(literal(None), String).label("grp"))
    query = query.join(Contact, Contact.id == contact_id)
    if by.startswith("custom."):
        # The JSON value as text on both databases (json_extract / ->>).
        value: Any = Contact.custom[by.removeprefix("custom.")].as_string()
    elif by in ("source", "medium", "campaign"):
        value = getattr(Contact, f"first_touch_{by}")
    elif by == "owner":
        value = cast(Contact.owner_id, String)
    elif by == "team":
        query = query.outerjoin(User, User.id == Contact.owner_id)
        value = User.team
    elif by in ("grade", "persona"):
        query = query.outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        value = ContactGrade.grade
        if by == "persona":
            query = query.outerjoin(GradingProfile, GradingProfile.id == ContactGrade.persona_id)
            value = GradingProfile.name
    elif by == "country":
        value = Contact.country
    elif by in ("region", "segment"):
        query = query.outerjoin(Account, Account.id == Contact.account_id)
        value = Account.region if by == "region" else _segment(Account.employee_count)
    else:
        raise ValueError(f"unknown breakdown {by!r}")
    return query.add_columns(value.label("grp"))


# --- the funnel ---------------------------------------------------------------------------


def _month_index(moment: ColumnElement[Any], bounds: Sequence[int]) -> ColumnElement[Any]:
    """Which month ``moment`` falls in: ``i`` for ``[bounds[i], bounds[i + 1])``."""
    return case(*[(moment < bounds[i + 1], i) for i in range(len(bounds) - 1)])


def _within(query: Any, contact_id: ColumnElement[Any], within: Select[Any] | None) -> Any:
    """``query`` kept to the contacts ``within`` names (a segment's ids), when given."""
    return query if within is None else query.where(contact_id.in_(within))


def cohort_counts(
    session: Session,
    *,
    bounds: Sequence[datetime],
    by: str | None,
    source: FromClause,
    within: Select[Any] | None = None,
) -> list[tuple[int, str | None, list[int]]]:
    """Per cohort month (index into ``bounds``) and breakdown value: how many contacts have
    reached each funnel stage, in FUNNEL's order (of the contacts ``within`` names, if
    given)."""
    j = source
    first = j.c.reached_subscriber
    edges = [micros(b) for b in bounds]
    month = _month_index(first, edges).label("month")
    counts = [func.count(j.c[f"reached_{s}"]) for s in FUNNEL]
    query = group_by(select(month, *counts).select_from(j), j.c.contact_id, by).where(
        first >= edges[0], first < edges[-1]
    )
    query = _within(query, j.c.contact_id, within)
    query = query.group_by(literal_column("month"), literal_column("grp"))
    return [(row[0], row[-1], list(row[1:-1])) for row in session.execute(query)]


def period_counts(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    by: str | None,
    source: FromClause,
    within: Select[Any] | None = None,
) -> list[tuple[str | None, list[int]]]:
    """Per breakdown value: how many contacts first reached each funnel stage in
    ``[start, end)`` (of the contacts ``within`` names, if given)."""
    j = source
    counts = []
    for s in FUNNEL:
        reached = j.c[f"reached_{s}"]
        counts.append(func.count(case((and_(reached >= micros(start), reached < micros(end)), 1))))
    # Every journey is read (a filter on the first entry would pass nearly all of them, one
    # index lookup each): a value whose counts are all 0 is dropped by the service.
    query = group_by(select(*counts).select_from(j), j.c.contact_id, by)
    query = _within(query, j.c.contact_id, within).group_by(literal_column("grp"))
    return [(row[-1], list(row[:-1])) for row in session.execute(query)]


def period_counts_many(
    session: Session,
    *,
    ranges: Sequence[tuple[datetime, datetime]],
    source: FromClause,
    within: Select[Any] | None = None,
) -> list[list[int]]:
    """For each ``[start, end)`` of ``ranges``: how many contacts first reached each funnel
    stage in it, in FUNNEL's order (the period view's total), every range counted in one
    pass over the journeys."""
    j = source
    counts = [
        func.count(case((and_(j.c[f"reached_{s}"] >= a, j.c[f"reached_{s}"] < b), 1)))
        for a, b in ((micros(start), micros(end)) for start, end in ranges)
        for s in FUNNEL
    ]
    row = session.execute(_within(select(*counts).select_from(j), j.c.contact_id, within)).one()
    n = len(FUNNEL)
    return [list(row[i * n : (i + 1) * n]) for i in range(len(ranges))]


# --- velocity -----------------------------------------------------------------------------


def _spans(
    start: datetime,
    end: datetime,
    source: FromClause,
    within: Select[Any] | None = None,
    pairs: Sequence[tuple[str, str]] = VELOCITY_PAIRS,
) -> Any:
    """One row per contact and velocity pair it counts in: ``pair`` ("mql>sal") and
    ``seconds`` (first entry into the first stage to first entry into the second), for
    arrivals in ``[start, end)``."""
    j = source
    parts = []
    for a, b in pairs:
        arrived = j.c[f"entered_{b}"]
        if a == FIRST_TOUCH:
            # The arrivals' index makes both databases start from the range's few thousand
            # journeys and look their contacts up (a subquery per journey instead made
            # PostgreSQL's estimate so high that it spent seconds compiling the plan, JIT).
            left: Any = epoch_micros(Contact.first_touch_at)
            origin: Any = j.join(Contact, Contact.id == j.c.contact_id)
        else:
            left = j.c[f"entered_{a}"]
            origin = j
        # The range first: the cheap test that drops most journeys.
        part = (
            select(
                literal(f"{a}>{b}").label("pair"), whole_seconds(arrived - left).label("seconds")
            )
            .select_from(origin)
            .where(
                arrived >= micros(start), arrived < micros(end), left.is_not(None), arrived >= left
            )
        )
        parts.append(_within(part, j.c.contact_id, within))
    return union_all(*parts).subquery("spans")


@dataclass(frozen=True)
class SpanStats:
    count: int
    mean: float
    # Position (0-based, in ascending order) -> seconds, for the positions quantiles need.
    values: dict[int, int]


def span_figures(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    source: FromClause,
    within: Select[Any] | None = None,
    pairs: Sequence[tuple[str, str]] = VELOCITY_PAIRS,
) -> tuple[dict[str, SpanStats], dict[str, list[int]]]:
    """Per velocity pair: how many, the mean and the values at the positions the median and
    80th percentile interpolate between; and how many durations fall in each of
    DURATION_BUCKETS_DAYS. One statement reads every pair's durations (each pair's
    arrivals in its range from the roll-up's index) as plain integers, sorted here: at a
    million contacts 440,000 of them, read and sorted in 0.3 s on SQLite, where sixteen
    partial sorts in the database (a pair's two quantiles each) and a grouped pass took
    0.8 s. ``pairs``: only these."""
    if session.get_bind().dialect.name == "postgresql":
        # The pairs' union costs over PostgreSQL's JIT threshold: compiling it took longer
        # (0.3 s at a million contacts) than running it.
        session.execute(text("SET LOCAL jit = off"))
    spans = _spans(start, end, source, within, pairs)
    durations: dict[str, list[int]] = {}
    for pair, seconds in _plain_rows(session, select(spans.c.pair, spans.c.seconds)):
        durations.setdefault(pair, []).append(seconds)
    stats: dict[str, SpanStats] = {}
    buckets: dict[str, list[int]] = {}
    for pair, values in durations.items():
        values.sort()
        stats[pair] = _span_stats(values)
        buckets[pair] = _bucket_counts(values)
    return stats, buckets


def _plain_rows(session: Session, query: Select[Any]) -> list[Any]:
    """The rows as the driver returns them: SQLAlchemy's result processing of 440,000 rows
    costs three times the reading. A segment's condition with a list in it (an expanding
    parameter) goes the usual way."""
    try:
        prepared = Prepared(query, session.get_bind().dialect)
    except ValueError:
        return list(session.execute(query))
    return prepared.run(session, {})


def _span_stats(values: list[int]) -> SpanStats:
    """Count, mean and the values around each of QUANTILES of durations sorted ascending."""
    count = len(values)
    around: dict[int, int] = {}
    for q in QUANTILES:
        low, high, _ = quantile_positions(count, q)
        around[low], around[high] = values[low], values[high]
    return SpanStats(count, sum(values) / count, around)


def _bucket_counts(values: list[int]) -> list[int]:
    """How many of the sorted durations fall under each of DURATION_BUCKETS_DAYS (each
    bucket up to its bound, excluded), and beyond the last."""
    edges = [bisect_left(values, days * 86400) for days in DURATION_BUCKETS_DAYS]
    return [b - a for a, b in itertools.pairwise([0, *edges, len(values)])]


# --- leaving, stalling, deals -------------------------------------------------------------


def exits(session: Session, *, start: datetime, end: datetime) -> list[tuple[str, str, int]]:
    """(stage left, exit stage, distinct contacts) for moves out of the funnel in the range."""
    query = (
        select(T.c.from_stage, T.c.to_stage, func.count(T.c.contact_id.distinct()))
        .where(
            T.c.to_stage.in_(EXIT_STAGES),
            T.c.from_stage.in_(FUNNEL),
            T.c.at >= start,
            T.c.at < end,
        )
        .group_by(T.c.from_stage, T.c.to_stage)
    )
    return [(a, b, n) for a, b, n in session.execute(query)]


def stalled(session: Session, *, at: datetime) -> dict[str, tuple[int, int]]:
    """Per funnel stage before Customer: contacts in it now, and how many of them entered it
    more than STALL_DAYS days before ``at``."""
    cutoff = at - timedelta(days=STALL_DAYS)
    query = (
        select(
            Contact.lifecycle_stage,
            func.count(),
            func.count(case((Contact.stage_entered_at < cutoff, 1))),
        )
        .where(Contact.lifecycle_stage.in_(FUNNEL[:-1]))
        .group_by(Contact.lifecycle_stage)
    )
    return {stage: (n, old) for stage, n, old in session.execute(query)}


def closed_deals(
    session: Session, *, start: datetime, end: datetime
) -> dict[str, tuple[int, float, str | None]]:
    """Deals closed in the range, by status ("won", "lost"): how many, their amount and its
    currency (None when they are in several)."""
    query = (
        select(
            Opportunity.status,
            func.count(),
            func.coalesce(func.sum(Opportunity.amount), 0),
            one_currency(),
        )
        .where(
            Opportunity.status.in_(("won", "lost")),
            Opportunity.closed_at >= start,
            Opportunity.closed_at < end,
        )
        .group_by(Opportunity.status)
    )
    return {
        status: (n, float(amount), currency)
        for status, n, amount, currency in session.execute(query)
    }


def closed_deals_many(
    session: Session, *, ranges: Sequence[tuple[datetime, datetime]]
) -> list[tuple[int, float, int]]:
    """For each ``[start, end)`` of ``ranges``: deals closed won in it, their amount, and
    deals closed lost in it; every range in one pass over the closed deals."""
    if not ranges:
        return []
    won, lost = Opportunity.status == "won", Opportunity.status == "lost"
    at = Opportunity.closed_at
    columns = []
    for a, b in ranges:
        inside = and_(at >= a, at < b)
        columns += [
            func.count(case((and_(won, inside), 1))),
            func.coalesce(func.sum(case((and_(won, inside), Opportunity.amount))), 0),
            func.count(case((and_(lost, inside), 1))),
        ]
    query = select(*columns).where(
        Opportunity.status.in_(("won", "lost")),
        at >= min(a for a, _ in ranges),
        at < max(b for _, b in ranges),
    )
    row = session.execute(query).one()
    return [(int(row[i]), float(row[i + 1]), int(row[i + 2])) for i in range(0, len(columns), 3)]


def owner_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())

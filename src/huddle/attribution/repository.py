"""The attribution queries: every conversion of a kind with the campaign touches on its
path, in ONE statement per kind (set at a time: no query per deal or per contact).

Which touches count (written down):

- A deal's contacts are its primary contact and every contact with a role on it; each of
  them is credited through their own touches (a touch belongs to one contact).
- Pipeline: deals created in the period that are open now; the path runs up to the
  deal's creation. Revenue: deals won with their close in the period; the path runs up to
  the close.
- MQLs, SQLs and customers: contacts whose FIRST entry into the stage falls in the period
  (re-entries do not count again); the path runs up to that entry.
- Only touches with a campaign count, at or before the path's end. A conversion without
  any is credited to "(none)".

Each row: conversion id, its value, the touch's campaign (None: no touch), days from the
touch to the conversion, whether the touch is at or before the MQL moment and the deal's
creation (``rules.PathTouch``), and the conversion's UTC day ("YYYY-MM-DD"). Rows come
ordered by conversion, then time.

The roll-up (``models``) keeps each kind's credit per UTC day; ``refresh_rollup`` brings it
up to date.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import (
    Date,
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    literal,
    select,
    union,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from huddle.attribution.models import (
    CREDIT_COLUMNS,
    NO_CAMPAIGN,
    AttributionConversion,
    AttributionDay,
    AttributionRollup,
    AttributionStale,
)
from huddle.attribution.rules import MODELS, day_credits
from huddle.core.rawsql import Driver, IdList, in_ids
from huddle.lifecycle.models import Opportunity, OpportunityContact, StageTransition

DealKind = Literal["pipeline", "revenue"]
Row = tuple[int, float, int | None, float | None, int, int, str]

_DEALS = {
    # kind: (which deals, the path's end)
    "pipeline": (
        "o.status = 'open' AND o.created_at >= {m} AND o.created_at < {m}",
        "o.created_at",
    ),
    "revenue": ("o.status = 'won' AND o.closed_at >= {m} AND o.closed_at < {m}", "o.closed_at"),
}

_DEAL_CONVERSIONS = """
deals AS (
  SELECT o.id AS conv_id, CAST(o.amount AS DOUBLE PRECISION) AS value, o.created_at,
         {end} AS cutoff, o.primary_contact_id
  FROM opportunities o WHERE {where}
),
members AS (
  SELECT conv_id, primary_contact_id AS contact_id FROM deals
  WHERE primary_contact_id IS NOT NULL
  UNION
  SELECT d.conv_id, oc.contact_id FROM deals d
  JOIN opportunity_contacts oc ON oc.opportunity_id = d.conv_id
),
mqls AS (
  SELECT m.conv_id, MIN(st.at) AS mql_at FROM members m
  JOIN stage_transitions st ON st.contact_id = m.contact_id AND st.to_stage = 'mql'
  GROUP BY m.conv_id
),
conversions AS MATERIALIZED (
  SELECT d.conv_id, d.value, d.created_at, d.cutoff, q.mql_at
  FROM deals d LEFT JOIN mqls q ON q.conv_id = d.conv_id
)"""

_STAGE_CONVERSIONS = """
entered AS (
  SELECT DISTINCT contact_id FROM stage_transitions
  WHERE to_stage = {m} AND at >= {m} AND at < {m}
),
firsts AS (
  SELECT st.contact_id AS conv_id, MIN(st.at) AS cutoff FROM stage_transitions st
  JOIN entered e ON e.contact_id = st.contact_id
  WHERE st.to_stage = {m} GROUP BY st.contact_id
),
conversions AS MATERIALIZED (
  SELECT f.conv_id, CAST(1 AS DOUBLE PRECISION) AS value,
         {no_time} AS created_at, f.cutoff,
         (SELECT MIN(st.at) FROM stage_transitions st
          WHERE st.contact_id = f.conv_id AND st.to_stage = 'mql') AS mql_at
  FROM firsts f WHERE f.cutoff >= {m} AND f.cutoff < {m}
)"""

_PATHS = """
SELECT c.conv_id, c.value, t.campaign_id, {age} AS age_days,
       CASE WHEN c.mql_at <= c.cutoff AND t.occurred_at <= c.mql_at THEN 1 ELSE 0 END,
       CASE WHEN t.occurred_at <= c.created_at THEN 1 ELSE 0 END, {day}
FROM conversions c{members}
LEFT JOIN touches t ON t.contact_id = {contact} AND t.campaign_id IS NOT NULL
                   AND t.occurred_at <= c.cutoff
ORDER BY c.conv_id, t.occurred_at, t.id"""

# A deal-less conversion's creation time: PostgreSQL needs the NULL's type.
_NO_TIME = {True: "NULL", False: "CAST(NULL AS TIMESTAMPTZ)"}
# The conversion's UTC day (SQLite keeps naive UTC text).
_DAY = {
    True: "substr(c.cutoff, 1, 10)",
    False: "to_char(c.cutoff AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
}
_AGE = {
    True: "(julianday(c.cutoff) - julianday(t.occurred_at))",
    False: "(EXTRACT(EPOCH FROM (c.cutoff - t.occurred_at)) / 86400.0)",
}


def deal_paths(session: Session, kind: DealKind, start: datetime, end: datetime) -> Iterator[Row]:
    """Pipeline or revenue deals in [start, end) with their paths."""
    driver = Driver(session)
    where, cutoff = _DEALS[kind]
    ctes = _DEAL_CONVERSIONS.format(end=cutoff, where=where.format(m=driver.mark))
    return _paths(driver, ctes, (driver.at(start), driver.at(end)), members=True)


def stage_paths(session: Session, stage: str, start: datetime, end: datetime) -> Iterator[Row]:
    """Contacts whose first entry into ``stage`` is in [start, end), with their paths."""
    driver = Driver(session)
    ctes = _STAGE_CONVERSIONS.format(m=driver.mark, no_time=_NO_TIME[driver.sqlite])
    at_start, at_end = driver.at(start), driver.at(end)
    return _paths(driver, ctes, (stage, at_start, at_end, stage, at_start, at_end))


def _paths(
    driver: Driver, ctes: str, params: tuple[Any, ...], *, members: bool = False
) -> Iterator[Row]:
    """The paths' rows; a deal's through its members, a contact's conversion its own."""
    sql = (
        "WITH "
        + ctes.strip()
        + _PATHS.format(
            age=_AGE[driver.sqlite],
            day=_DAY[driver.sqlite],
            members="\nLEFT JOIN members m ON m.conv_id = c.conv_id" if members else "",
            contact="m.contact_id" if members else "c.conv_id",
        )
    )
    cursor = driver.session.connection().connection.cursor()
    try:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(10_000):
            yield from batch
    finally:
        cursor.close()


# --- the roll-up ----------------------------------------------------------------------------

# Conversion kind -> the stage whose first entry it counts (None: a deal kind).
KINDS: dict[str, str | None] = {
    "pipeline": None,
    "revenue": None,
    "mqls": "mql",
    "sqls": "sql",
    "customers": "customer",
}
_DEAL_KINDS = tuple(k for k, stage in KINDS.items() if stage is None)
_CONTACT_KINDS = tuple(k for k, stage in KINDS.items() if stage is not None)
DAYS = typing.cast(Table, AttributionDay.__table__)
# Above this many contacts or deals changed, one rebuild of everything is cheaper.
REBUILD_ALL_ABOVE = 50_000


class utc_day(FunctionElement[date]):
    """A stored moment's UTC date, on either database."""

    type = Date()
    inherit_cache = True


@compiles(utc_day)
def _utc_day_sqlite(element: utc_day, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"date({moment})"


@compiles(utc_day, "postgresql")
def _utc_day_postgresql(element: utc_day, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(timezone('UTC', {moment}) AS DATE)"


def kind_paths(session: Session, kind: str, start: datetime, end: datetime) -> Iterator[Row]:
    """The conversions of ``kind`` (of KINDS) in [start, end) with their paths."""
    stage = KINDS[kind]
    if stage is None:
        return deal_paths(session, kind, start, end)  # type: ignore[arg-type]
    return stage_paths(session, stage, start, end)


def _ids(name: str, ids: Sequence[int]) -> Any:
    return bindparam(name, list(ids), type_=IdList())


def _conversions(kind: str, ids: Sequence[int] | None) -> Select[str, int, date]:
    """(kind, conversion id, UTC day) of every conversion of ``kind``, or of those ``ids``
    (contacts for a stage, deals for a deal kind), as ``*_paths`` choose them."""
    stage = KINDS[kind]
    if stage is None:
        o = Opportunity
        moment = o.created_at if kind == "pipeline" else o.closed_at
        query = select(literal(kind), o.id, utc_day(moment)).where(
            o.status == ("open" if kind == "pipeline" else "won"), moment.is_not(None)
        )
        return query if ids is None else query.where(in_ids(o.id, _ids("ids", ids)))
    t = StageTransition
    query = select(literal(kind), t.contact_id, utc_day(func.min(t.at))).where(t.to_stage == stage)
    if ids is not None:
        query = query.where(in_ids(t.contact_id, _ids("ids", ids)))
    return query.group_by(t.contact_id)


def _counted_days(session: Session, kind: str, ids: Sequence[int] | None) -> set[date]:
    c = AttributionConversion
    query = select(c.day).distinct().where(c.kind == kind)
    if ids is not None:
        query = query.where(in_ids(c.conversion_id, _ids("ids", ids)))
    return set(session.scalars(query))


def _recount_conversions(session: Session, kind: str, ids: Sequence[int] | None) -> set[date]:
    """Replace the kept days of ``kind``'s conversions (all, or those ``ids``) by their days
    now; the days they were and are counted on."""
    before = _counted_days(session, kind, ids)
    c = AttributionConversion
    gone = delete(c).where(c.kind == kind)
    if ids is not None:
        gone = gone.where(in_ids(c.conversion_id, _ids("ids", ids)))
    session.execute(gone)
    columns = [c.kind.name, c.conversion_id.name, c.day.name]
    session.execute(insert(c).from_select(columns, _conversions(kind, ids)))
    return before | _counted_days(session, kind, ids)


def _deals_of(session: Session, contacts: Sequence[int]) -> set[int]:
    ids = _ids("contacts", contacts)
    query = union(
        select(Opportunity.id).where(in_ids(Opportunity.primary_contact_id, ids)),
        select(OpportunityContact.opportunity_id).where(in_ids(OpportunityContact.contact_id, ids)),
    )
    return set(session.scalars(query))


def _runs(days: Iterable[date]) -> Iterator[tuple[date, date]]:
    """Consecutive days as (first, last) runs."""
    ordered = sorted(days)
    for _, run in itertools.groupby(enumerate(ordered), key=lambda x: x[1] - timedelta(x[0])):
        found = [day for _, day in run]
        yield found[0], found[-1]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def _rebuild_days(session: Session, kind: str, days: Iterable[date]) -> None:
    """Recount ``kind``'s credit on ``days`` from the paths, a run of days at a time."""
    d = AttributionDay
    for first, last in _runs(days):
        session.execute(delete(d).where(d.kind == kind, d.day >= first, d.day <= last))
        found = day_credits(
            kind_paths(session, kind, _midnight(first), _midnight(last + timedelta(days=1))),
            MODELS,
        )
        rows = [
            {
                "kind": kind,
                "day": date.fromisoformat(day),
                "campaign_id": NO_CAMPAIGN if campaign is None else campaign,
                **dict(zip(CREDIT_COLUMNS, units, strict=True)),
            }
            for (day, campaign), units in found.items()
        ]
        for start in range(0, len(rows), 10_000):
            session.execute(insert(DAYS), rows[start : start + 10_000])


def rollup_built(session: Session) -> bool:
    """Whether the roll-up has been built (read without waiting for a refresh's lock)."""
    return bool(session.scalar(select(AttributionRollup.built).where(AttributionRollup.id == 1)))


def much_changed(session: Session) -> bool:
    """Whether more contacts or deals changed since the last refresh than a refresh
    recounts one by one (it would rebuild every day: ``REBUILD_ALL_ABOVE``)."""
    s = AttributionStale
    noted = select(s.contact_id).limit(REBUILD_ALL_ABOVE + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(noted)) or 0) > REBUILD_ALL_ABOVE


def refresh_rollup(session: Session) -> int:
    """Bring ``attribution_days`` up to date: recount the days of every conversion whose
    contacts' touches or stage history, deal or deal roles changed since the last refresh
    (as the triggers noted them), on the day it was counted on and the day it is now; the
    first time, every day. Returns how many days were recounted. Readers serialise on the
    state's row."""
    state = session.get(AttributionRollup, 1, with_for_update=True)
    if state is None:
        state = AttributionRollup(id=1, built=False)
        session.add(state)
        session.flush()
    s = AttributionStale
    changed: dict[str, list[int] | None] = dict.fromkeys(KINDS)
    if state.built:
        # Taken with the statement that reads them: a note committed meanwhile stays.
        taken = session.execute(delete(s).returning(s.contact_id, s.opportunity_id)).all()
        if not taken:
            return 0
        contacts = sorted({c for c, _ in taken if c is not None})
        deals = {o for _, o in taken if o is not None}
        if contacts:
            deals |= _deals_of(session, contacts)
        if max(len(contacts), len(deals)) <= REBUILD_ALL_ABOVE:
            changed = {k: (contacts if k in _CONTACT_KINDS else sorted(deals)) for k in KINDS}
    else:
        session.execute(delete(s))
    if all(ids is None for ids in changed.values()):
        session.execute(delete(AttributionDay))
    recounted = 0
    for kind, ids in changed.items():
        if ids == []:
            continue
        days = _recount_conversions(session, kind, ids)
        _rebuild_days(session, kind, days)
        recounted += len(days)
    state.built = True
    session.flush()
    return recounted


def rolled_up(
    session: Session, kind: str, start: date, end: date, models: Sequence[str]
) -> dict[str, dict[int | None, int]]:
    """model -> campaign (None: no campaign touch) -> ``kind``'s credit in millionths over
    the days ``start``..``end``, from the roll-up (refreshed by the caller)."""
    d = AttributionDay
    sums = [func.sum(d.__table__.c[m]) for m in models]
    query = (
        select(d.campaign_id, *sums)
        .where(d.kind == kind, d.day >= start, d.day <= end)
        .group_by(d.campaign_id)
    )
    out: dict[str, dict[int | None, int]] = {m: {} for m in models}
    for campaign, *units in session.execute(query):
        key = None if campaign == NO_CAMPAIGN else campaign
        for model, credit in zip(models, units, strict=True):
            out[model][key] = int(credit)
    return out

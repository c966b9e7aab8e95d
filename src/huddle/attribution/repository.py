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
touch to the conversion, and whether the touch is at or before the MQL moment and the
deal's creation (``rules.PathTouch``). Rows come ordered by conversion, then time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from huddle.core.rawsql import Driver

DealKind = Literal["pipeline", "revenue"]
Row = tuple[int, float, int | None, float | None, int, int]

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
       CASE WHEN t.occurred_at <= c.created_at THEN 1 ELSE 0 END
FROM conversions c{members}
LEFT JOIN touches t ON t.contact_id = {contact} AND t.campaign_id IS NOT NULL
                   AND t.occurred_at <= c.cutoff
ORDER BY c.conv_id, t.occurred_at, t.id"""

# A deal-less conversion's creation time: PostgreSQL needs the NULL's type.
_NO_TIME = {True: "NULL", False: "CAST(NULL AS TIMESTAMPTZ)"}
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

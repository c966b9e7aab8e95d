"""Set-at-a-time queries of touches: a batch of any size is a handful of statements.

The hot statements (the multi-row INSERT, the attribution UPDATEs, lookups by thousands of
keys) go to the driver as plain parameterised SQL with values converted once here: at
5,000 rows a batch, SQLAlchemy's per-row, per-column bind processing cost several times
the database's own work. The SQL is fixed text; every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple, cast

import orjson
from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core.rawsql import Driver

TOUCH_COLUMNS = (
    "type",
    "occurred_at",
    "contact_id",
    "visitor_id",
    "account_id",
    "actor_type",
    "actor_user_id",
    "properties",
    "campaign_id",
    "asset_id",
    "workflow_id",
    "idempotency_key",
    "created_at",
)
_AT = TOUCH_COLUMNS.index("occurred_at"), TOUCH_COLUMNS.index("created_at")
_PROPERTIES = TOUCH_COLUMNS.index("properties")
# Rows per INSERT statement: 13 parameters each stays under both databases' limits.
ROWS_PER_STATEMENT = 2000
ATTRIBUTION_SUFFIXES = ("source", "medium", "campaign", "referrer", "landing_page")


class ContactEnds(NamedTuple):
    account_id: int | None
    first_touch_at: datetime | None
    last_touch_at: datetime | None


def contact_ends(session: Session, contact_ids: Sequence[int]) -> dict[int, ContactEnds]:
    """Contact id -> its account and current first and last touch, for those that exist."""
    driver = Driver(session)
    condition, param = driver.in_list("id", contact_ids)
    rows = driver.rows(
        f"SELECT id, account_id, first_touch_at, last_touch_at FROM contacts WHERE {condition}",  # noqa: S608
        (param,),
    )
    return {
        row[0]: ContactEnds(row[1], driver.read_at(row[2]), driver.read_at(row[3])) for row in rows
    }


def loaded_contacts(session: Session, contact_ids: set[int]) -> list[Contact]:
    """Those of the contacts this session has loaded already (no query)."""
    return [
        obj
        for obj in list(session.identity_map.values())
        if isinstance(obj, Contact) and obj.id in contact_ids
    ]


def contacts_by_email(
    session: Session, emails: Sequence[str]
) -> dict[str, tuple[int, ContactEnds]]:
    """Normalised email -> (contact id, its account and touch ends), in one query."""
    if not emails:
        return {}
    driver = Driver(session)
    condition, param = driver.in_list("email", emails)
    columns = "email, id, account_id, first_touch_at, last_touch_at"
    rows = driver.rows(f"SELECT {columns} FROM contacts WHERE {condition}", (param,))  # noqa: S608
    return {
        row[0]: (row[1], ContactEnds(row[2], driver.read_at(row[3]), driver.read_at(row[4])))
        for row in rows
    }


@lru_cache(maxsize=64)
def _insert_sql(rows: int, sqlite: bool, keyed: bool) -> str:
    mark = "?" if sqlite else "%s"
    marks = [mark] * len(TOUCH_COLUMNS)
    marks[_PROPERTIES] = "?" if sqlite else "%s::jsonb"
    group = f"({', '.join(marks)})"
    conflict = " ON CONFLICT (idempotency_key) DO NOTHING" if keyed else ""
    return (
        f"INSERT INTO touches ({', '.join(TOUCH_COLUMNS)}) VALUES "  # noqa: S608
        f"{', '.join([group] * rows)}{conflict} RETURNING id, idempotency_key"
    )


def _params(driver: Driver, rows: Sequence[dict[str, Any]]) -> list[Any]:
    flat: list[Any] = []
    # A batch's rows mostly share created_at: convert each distinct time once.
    converted: dict[Any, Any] = {}
    for row in rows:
        values = [row[c] for c in TOUCH_COLUMNS]
        for i in _AT:
            at = values[i]
            found = converted.get(at)
            if found is None:
                found = converted[at] = driver.at(at)
            values[i] = found
        values[_PROPERTIES] = orjson.dumps(values[_PROPERTIES]).decode()
        flat.extend(values)
    return flat


def _insert(
    session: Session, rows: list[dict[str, Any]], *, keyed: bool
) -> list[tuple[int, str | None]]:
    driver = Driver(session)
    returned: list[tuple[int, str | None]] = []
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        sql = _insert_sql(len(chunk), driver.sqlite, keyed)
        returned.extend(driver.rows(sql, tuple(_params(driver, chunk))))
    return returned


def insert_keyed_touches(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Multi-row INSERT of touches that carry an idempotency key; keys already stored are
    skipped by ON CONFLICT DO NOTHING. Returns key -> id of the rows inserted now."""
    return {key: touch_id for touch_id, key in _insert(session, rows, keyed=True) if key}


def insert_touches(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Multi-row INSERT of touches without a key; ids in the order of ``rows``. (Without a
    key and a conflict, each database returns the rows in VALUES order; the ids of one
    statement are also ascending, which sorting makes certain.)"""
    ids: list[int] = []
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        ids.extend(sorted(touch_id for touch_id, _ in _insert(session, chunk, keyed=False)))
    return ids


def move_touch_ends(
    session: Session, end: str, changes: list[tuple[int, datetime, tuple[str | None, ...]]]
) -> None:
    """``move_touch_end`` for many contacts in ONE statement (the moves travel as one JSON
    parameter): each (contact id, at, five values in ATTRIBUTION_SUFFIXES order) moves
    only if ``at`` is beyond the contact's current end. A touch is activity, not an edit:
    updated_at stays."""
    driver = Driver(session)
    column = f"{end}_touch_at"
    beyond = ">" if end == "first" else "<"
    rows: list[Any]
    if driver.sqlite:
        rows = [[contact_id, driver.at(at), *values] for contact_id, at, values in changes]
        assignments = ", ".join(
            f"{end}_touch_{suffix} = j.value ->> {n + 2}"
            for n, suffix in enumerate(ATTRIBUTION_SUFFIXES)
        )
        sql = (
            f"UPDATE contacts SET {assignments}, {column} = j.value ->> 1 "  # noqa: S608
            "FROM json_each(?) AS j WHERE contacts.id = j.value ->> 0 "
            f"AND (contacts.{column} IS NULL OR contacts.{column} {beyond} j.value ->> 1)"
        )
    else:
        rows = [
            {
                "id": contact_id,
                "at": at.isoformat(),
                **dict(zip(ATTRIBUTION_SUFFIXES, values, strict=True)),
            }
            for contact_id, at, values in changes
        ]
        assignments = ", ".join(f"{end}_touch_{s} = v.{s}" for s in ATTRIBUTION_SUFFIXES)
        sql = (
            f"UPDATE contacts AS c SET {assignments}, {column} = v.at "  # noqa: S608
            "FROM jsonb_to_recordset(%s::jsonb) AS v(id bigint, at timestamptz, source text, "
            "medium text, campaign text, referrer text, landing_page text) "
            f"WHERE c.id = v.id AND (c.{column} IS NULL OR c.{column} {beyond} v.at)"
        )
    session.connection().exec_driver_sql(sql, (orjson.dumps(rows).decode(),))


def attach_visitor_touches(
    session: Session, visitor_id: str, contact_id: int, account_id: int | None
) -> list[int]:
    """Give the visitor's anonymous touches to the contact; the ids of those moved."""
    return list(
        session.scalars(
            update(Touch)
            .where(Touch.visitor_id == visitor_id, Touch.contact_id.is_(None))
            .values(contact_id=contact_id, account_id=account_id)
            .returning(Touch.id),
            execution_options={"synchronize_session": False},
        )
    )


def touch_at_end(session: Session, contact_id: int, end: str) -> Touch | None:
    """The contact's earliest (first) or latest (last) touch."""
    order = Touch.occurred_at.asc() if end == "first" else Touch.occurred_at.desc()
    return session.scalar(
        select(Touch).where(Touch.contact_id == contact_id).order_by(order, Touch.id).limit(1)
    )


def set_touch_end(
    session: Session, contact_id: int, end: str, at: datetime | None, values: dict[str, Any]
) -> None:
    """Overwrite the contact's first or last touch (after its history was re-attributed)."""
    table = cast(Table, Contact.__table__)
    changes = {f"{end}_touch_{suffix}": v for suffix, v in values.items()}
    session.execute(
        update(table)
        .where(table.c.id == contact_id)
        .values(**changes, **{f"{end}_touch_at": at}, updated_at=table.c.updated_at)
    )

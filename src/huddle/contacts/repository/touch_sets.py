"""Set-at-a-time queries of touches: a batch of any size is a handful of statements.

The hot statements (the multi-row INSERT, the attribution UPDATE, lookups by thousands of
keys) go to the driver as plain parameterised SQL with values converted once here: at
5,000 rows a batch, SQLAlchemy's per-row, per-column bind processing cost several times
the database's own work. The SQL is fixed text; every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, Literal, NamedTuple, Protocol, cast

import orjson
from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core.insert_triggers import insert_triggers_run_together
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
    "idempotency_scope",
    "idempotency_key",
    "idempotency_fingerprint",
    "created_at",
)
_PROPERTIES = TOUCH_COLUMNS.index("properties")
# Rows per INSERT statement: 15 parameters each (30,000) stays under both databases' limits
# (SQLite's 32,766 variables, PostgreSQL's 65,535 parameters).
ROWS_PER_STATEMENT = 2000


class NewTouch(Protocol):
    """A touch to insert, as the service's batch row has it."""

    @property
    def type(self) -> str: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def contact_id(self) -> int | None: ...
    @property
    def visitor_id(self) -> str | None: ...
    @property
    def properties(self) -> dict[str, Any]: ...
    @property
    def campaign_id(self) -> int | None: ...
    @property
    def asset_id(self) -> int | None: ...
    @property
    def idempotency_key(self) -> str | None: ...
    @property
    def fingerprint(self) -> str | None: ...


class TouchBatch(NamedTuple):
    """What a batch's touches share or take from elsewhere."""

    account_ids: Mapping[int, int | None]  # contact id -> its account id
    actor_type: str
    actor_user_id: int | None
    created_at: datetime
    scope: str  # the sender the batch's idempotency keys belong to


def contact_accounts(session: Session, contact_ids: Sequence[int]) -> dict[int, int | None]:
    """Contact id -> its account id, for those of the contacts that exist."""
    driver = Driver(session)
    condition, param = driver.in_list("id", contact_ids)
    rows = driver.rows(f"SELECT id, account_id FROM contacts WHERE {condition}", (param,))  # noqa: S608
    return dict(rows)


def loaded_contacts(session: Session, contact_ids: set[int]) -> list[Contact]:
    """Those of the contacts this session has loaded already (no query)."""
    return [
        obj
        for obj in list(session.identity_map.values())
        if isinstance(obj, Contact) and obj.id in contact_ids
    ]


def contacts_by_email(session: Session, emails: Sequence[str]) -> dict[str, tuple[int, int | None]]:
    """Normalised email -> (contact id, its account id), in one query."""
    return _contacts_by(session, "email", emails)


def contacts_by_external_id(
    session: Session, external_ids: Sequence[str]
) -> dict[str, tuple[int, int | None]]:
    """External id (the source CRM's record id) -> (contact id, its account id), in one
    query."""
    return _contacts_by(session, "external_id", external_ids)


def _contacts_by(
    session: Session, column: Literal["email", "external_id"], keys: Sequence[str]
) -> dict[str, tuple[int, int | None]]:
    if not keys:
        return {}
    driver = Driver(session)
    condition, param = driver.in_list(column, keys)
    rows = driver.rows(f"SELECT {column}, id, account_id FROM contacts WHERE {condition}", (param,))  # noqa: S608
    return {key: (contact_id, account_id) for key, contact_id, account_id in rows}


@lru_cache(maxsize=64)
def _insert_sql(rows: int, sqlite: bool) -> str:
    mark = "?" if sqlite else "%s"
    marks = [mark] * len(TOUCH_COLUMNS)
    marks[_PROPERTIES] = "?" if sqlite else "%s::jsonb"
    group = f"({', '.join(marks)})"
    # No RETURNING on SQLite, where it costs about a sixth of the INSERT (see _insert_sqlite).
    returning = "" if sqlite else " RETURNING id, idempotency_key"
    return (
        f"INSERT INTO touches ({', '.join(TOUCH_COLUMNS)}) VALUES "  # noqa: S608
        f"{', '.join([group] * rows)} ON CONFLICT (idempotency_scope, idempotency_key) "
        f"DO NOTHING{returning}"
    )


def _params(driver: Driver, touches: Sequence[NewTouch], batch: TouchBatch) -> list[Any]:
    """The rows' values one after the other in TOUCH_COLUMNS order, converted as the
    columns store them; no per-row container is built (at 5,000 rows a batch, the
    allocations cost time of their own and the garbage collector's)."""
    at, dumps, accounts, scope = driver.at, orjson.dumps, batch.account_ids, batch.scope
    created_at = at(batch.created_at)
    flat: list[Any] = []
    for touch in touches:
        contact_id, key = touch.contact_id, touch.idempotency_key
        flat += (
            touch.type,
            at(touch.occurred_at),
            contact_id,
            touch.visitor_id,
            None if contact_id is None else accounts[contact_id],
            batch.actor_type,
            batch.actor_user_id,
            dumps(touch.properties).decode(),
            touch.campaign_id,
            touch.asset_id,
            None,  # workflow_id: workflows record their touches one by one
            None if key is None else scope,
            key,
            touch.fingerprint,
            created_at,
        )
    return flat


def insert_touches(
    session: Session, touches: Sequence[NewTouch], batch: TouchBatch
) -> list[int | None]:
    """Multi-row INSERTs of ROWS_PER_STATEMENT touches each. A touch whose idempotency key
    the batch's sender stored already, or repeated earlier in ``touches``, is skipped (ON
    CONFLICT DO NOTHING). Returns the new ids in the order of ``touches``, None for those
    skipped."""
    driver = Driver(session)
    insert = _insert_sqlite if driver.sqlite else _insert_returning
    ids: list[int | None] = []
    # An import's thousands: attribution notes their contacts once, not row by row.
    with insert_triggers_run_together(session, cast(Table, Touch.__table__), len(touches)):
        for start in range(0, len(touches), ROWS_PER_STATEMENT):
            chunk = touches[start : start + ROWS_PER_STATEMENT]
            ids += insert(driver, chunk, _params(driver, chunk, batch))
    return ids


def _insert_returning(
    driver: Driver, chunk: Sequence[NewTouch], params: list[Any]
) -> list[int | None]:
    return _ids_of(chunk, driver.rows(_insert_sql(len(chunk), sqlite=False), params))


def _insert_sqlite(
    driver: Driver, chunk: Sequence[NewTouch], params: list[Any]
) -> list[int | None]:
    """The INSERT without RETURNING. SQLite gives each row it adds the largest rowid so far
    plus one (it picks another only past 2**63 - 1), so when the rows added are as many as
    the chunk and end at ``before + len(chunk)``, they took exactly the ids after
    ``before``, in VALUES order. Otherwise (a key skipped, on a retried batch) the rows
    after ``before`` are read back."""
    [(before,)] = driver.rows("SELECT coalesce(max(id), 0) FROM touches", ())
    added, last = driver.insert(_insert_sql(len(chunk), sqlite=True), params)
    if added == len(chunk) and last == before + added:
        return list(range(before + 1, before + added + 1))
    return _ids_of(chunk, driver.rows(_ADDED_SINCE, (before,)) if added else [])


# Only this transaction adds rows on SQLite (one writer), all of them one sender's.
_ADDED_SINCE = "SELECT id, idempotency_key FROM touches WHERE id > ?"


def stored_fingerprints(session: Session, scope: str, keys: Sequence[str]) -> dict[str, str | None]:
    """The sender's stored keys among ``keys``, each with its delivery's fingerprint: one
    read of the (scope, key) unique index, whatever the table's size."""
    if not keys:
        return {}
    driver = Driver(session)
    condition, param = driver.in_list("idempotency_key", keys)
    sql = (
        "SELECT idempotency_key, idempotency_fingerprint FROM touches "  # noqa: S608
        f"WHERE idempotency_scope = {driver.mark} AND {condition}"
    )
    return dict(driver.rows(sql, (scope, param)))


def _ids_of(chunk: Sequence[NewTouch], added: list[tuple[int, str | None]]) -> list[int | None]:
    """Each touch's new id among the rows an INSERT added: by its key, or, for touches
    without one, in VALUES order (one statement takes its ids in that order, ascending)."""
    by_key = {key: touch_id for touch_id, key in added if key is not None}
    unkeyed = iter(sorted(touch_id for touch_id, key in added if key is None))
    # pop: a key repeated within the chunk is new only the first time.
    return [
        next(unkeyed) if touch.idempotency_key is None else by_key.pop(touch.idempotency_key, None)
        for touch in chunk
    ]


# (contact column suffix, the touch property names whose first present value it takes)
AttributionNames = tuple[tuple[str, tuple[str, ...]], ...]
# The moves of ``move_touch_ends``, one per contact: the id of its earliest new touch ->
# the id of its latest, or (that id, *values) where the caller rendered the two touches'
# attribution values (the earliest's, then the latest's, in suffix order).
TouchMoves = dict[int, int | tuple[Any, ...]]


def move_touch_ends(session: Session, moves: TouchMoves, attribution: AttributionNames) -> None:
    """Each contact's earliest and latest new touch become its first and last touch where
    they are beyond the ones it has: ONE UPDATE for all contacts (the moves travel as one
    JSON object), which writes each contact once and decides the moves against the row as
    it is then (PostgreSQL re-checks them on a row a concurrent writer just changed).
    Values come from the touch's properties, for each suffix the first of its names
    present and not empty, copied as they are (the caller renders any that need more), or
    from the move. A touch is activity, not an edit: updated_at stays."""
    if not moves:
        return
    # Most batches have no rendered values: their statement does not ask each move, for
    # each of its ten values, whether it carries them.
    rendered = any(type(latest) is tuple for latest in moves.values())
    sql = _move_touch_ends_sql(session.get_bind().dialect.name, attribution, rendered)
    # An object keyed by the earliest touch: the database reads both ids of a move without
    # parsing a small array per contact.
    param = orjson.dumps(moves, option=orjson.OPT_NON_STR_KEYS).decode()
    session.connection().exec_driver_sql(sql, (param,))


class _Dialect(NamedTuple):
    moves: str  # the moves as e, with their earliest touch as f and their latest as l
    rendered: str  # whether the move e carries rendered values
    present: str  # a property's value, NULL when absent or empty
    contacts: str  # what the statement calls the contacts table


_DIALECTS = {
    "sqlite": _Dialect(
        moves="json_each(?) AS e JOIN touches AS f ON f.id = e.key JOIN touches AS l "
        "ON l.id = CASE e.type WHEN 'array' THEN e.value ->> 0 ELSE e.value END",
        rendered="e.type = 'array'",
        present="nullif({touch}.properties ->> '$.{name}', '')",
        contacts="contacts",
    ),
    "postgresql": _Dialect(
        moves="jsonb_each(%s::jsonb) AS e(key, value) "
        "JOIN touches AS f ON f.id = e.key::bigint JOIN touches AS l ON l.id = (CASE "
        "jsonb_typeof(e.value) WHEN 'array' THEN e.value ->> 0 ELSE e.value #>> '{}' END)::bigint",
        rendered="jsonb_typeof(e.value) = 'array'",
        present="nullif({touch}.properties ->> '{name}', '')",
        contacts="c",
    ),
}


@lru_cache(maxsize=8)
def _move_touch_ends_sql(dialect_name: str, attribution: AttributionNames, rendered: bool) -> str:
    dialect = _DIALECTS[dialect_name]
    contacts = dialect.contacts
    assignments: list[str] = []
    moves: list[str] = []
    for index, (end, touch, beyond) in enumerate((("first", "f", ">"), ("last", "l", "<"))):
        at = f"{contacts}.{end}_touch_at"
        moved = f"({at} IS NULL OR {at} {beyond} {touch}.occurred_at)"
        moves.append(moved)
        values = {f"{end}_touch_at": f"{touch}.occurred_at"}
        for n, (suffix, names) in enumerate(attribution):
            present = [dialect.present.format(touch=touch, name=name) for name in names]
            found = present[0] if len(present) == 1 else f"coalesce({', '.join(present)})"
            given = f"e.value ->> {1 + index * len(attribution) + n}"
            values[f"{end}_touch_{suffix}"] = (
                f"CASE WHEN {dialect.rendered} THEN {given} ELSE {found} END" if rendered else found
            )
        assignments += [
            f"{column} = CASE WHEN {moved} THEN {value} ELSE {contacts}.{column} END"
            for column, value in values.items()
        ]
    target = "contacts" if contacts == "contacts" else f"contacts AS {contacts}"
    return (
        f"UPDATE {target} SET {', '.join(assignments)} FROM {dialect.moves} "  # noqa: S608 (constant names only)
        f"WHERE {contacts}.id = f.contact_id AND ({' OR '.join(moves)})"
    )


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


def latest_touch_at(session: Session, touch_type: str, *, until: datetime) -> datetime | None:
    """When the latest touch of a type (up to ``until``) happened: one seek in the
    (type, occurred_at) index, whatever the table's size."""
    return session.scalar(
        select(func.max(Touch.occurred_at)).where(
            Touch.type == touch_type, Touch.occurred_at <= until
        )
    )


def count_touches_between(
    session: Session, touch_type: str, *, since: datetime, until: datetime, cap: int
) -> int:
    """Touches of a type in (since, until], counted up to ``cap``: a settings page must not
    read a million index entries to say "a lot"."""
    bounded = (
        select(Touch.id)
        .where(Touch.type == touch_type, Touch.occurred_at > since, Touch.occurred_at <= until)
        .limit(cap)
        .subquery()
    )
    return session.scalar(select(func.count()).select_from(bounded)) or 0

"""Bulk inserts on SQLite with a table's insert triggers run once for all the new rows.

SQLite runs an AFTER INSERT trigger's program row by row, and copies the rows of an INSERT
into a table that has one into a temporary table first (the trigger could change what the
statement reads). An imported history's stage row cost 6.4 µs with the attribution
trigger that notes it, and 3.3 µs without it and the notes written afterwards with one
statement (five million rows: 15 s of a million-contact import; the README's performance
section has the figures). So a bulk insert sets its table's insert triggers aside, inside
its own transaction, and does their work for all its rows at once before it ends.

Only one shape of trigger is set aside: ``AFTER INSERT ON t [WHEN c] BEGIN INSERT INTO x
(columns) VALUES (values); END``, whose work for many rows is ``INSERT INTO x (columns)
SELECT values FROM t AS new WHERE new.rowid >= first AND (c)``. A trigger of any other
shape stays and fires row by row, as before. The triggers are created again from their own
text within the same transaction: no other connection ever sees the table without them
(SQLite has one writer; readers see the last commit).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

# Fewer rows are left to the triggers: setting them aside changes the schema, and every
# connection reads it again after the commit.
MIN_ROWS = 1_000
# The one shape replayed; anything else in the trigger's text does not match.
_REPLAYABLE = re.compile(
    r"CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(?P<name>\w+)\"?\s+"
    r"AFTER\s+INSERT\s+ON\s+\"?(?P<table>\w+)\"?\s+(?:FOR\s+EACH\s+ROW\s+)?"
    r"(?:WHEN\s+(?P<when>.+?)\s+)?"
    r"BEGIN\s+INSERT\s+INTO\s+(?P<target>\"?\w+\"?\s*\([\w\s,\"]+\))\s*"
    r"VALUES\s*\((?P<values>[^;]+)\)\s*;\s*END\s*",
    re.IGNORECASE | re.DOTALL,
)

_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT\s+ROWID", re.IGNORECASE)


@dataclass(frozen=True)
class _Trigger:
    name: str
    definition: str
    # Its work for every row from the one bound on.
    replay: str


def _replayable(table: str, definition: str) -> _Trigger | None:
    found = _REPLAYABLE.fullmatch(definition.strip())
    if found is None or found["table"].lower() != table.lower():
        return None
    condition = f" AND ({found['when']})" if found["when"] else ""
    replay = (
        f"INSERT INTO {found['target']} SELECT {found['values']}"  # noqa: S608
        f' FROM "{table}" AS new WHERE new.rowid >= ?{condition} ORDER BY new.rowid'
    )
    return _Trigger(found["name"], definition, replay)


def replayable_triggers(session: Session, table: str) -> list[_Trigger]:
    """The table's insert triggers of the replayable shape (none on other databases, nor
    for a table without rowids: new rows are told by their rowid)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    rows = session.execute(
        text("SELECT type, sql FROM sqlite_master WHERE tbl_name = :table ORDER BY name"),
        {"table": table},
    ).all()
    if any(kind == "table" and _WITHOUT_ROWID.search(sql) for kind, sql in rows):
        return []
    return [
        trigger
        for kind, sql in rows
        if kind == "trigger" and (trigger := _replayable(table, sql)) is not None
    ]


@contextmanager
def insert_triggers_run_together(session: Session, table: Table, rows: int) -> Iterator[None]:
    """Insert ``rows`` new rows into ``table`` inside, and only insert: its replayable
    insert triggers are set aside meanwhile and do their work for all the new rows at the
    end (rows updated or deleted inside would meet their other triggers before that). The
    new rows are told by their rowids, above the largest before the block: as SQLite gives
    them, or as ``core.bulk.reserve_ids`` reserves them (never a lower id given by hand).
    Fewer than ``MIN_ROWS`` rows are left to the triggers. After an error inside, the
    triggers are back and nothing is replayed; the transaction is the caller's to roll
    back."""
    triggers = replayable_triggers(session, table.name) if rows >= MIN_ROWS else []
    if not triggers:
        yield
        return
    # Driver-level statements: a trigger's text is SQL as it stands, no bound names in it.
    connection = session.connection()
    largest = connection.exec_driver_sql(f'SELECT max(rowid) FROM "{table.name}"').scalar()  # noqa: S608
    for trigger in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{trigger.name}"')
    try:
        yield
    finally:
        for trigger in triggers:
            connection.exec_driver_sql(trigger.definition)
    for trigger in triggers:
        connection.exec_driver_sql(trigger.replay, ((largest or 0) + 1,))

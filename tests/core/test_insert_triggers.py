"""Insert triggers set aside during a bulk insert and run once for all its rows (SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from huddle.core import insert_triggers
from huddle.core.insert_triggers import insert_triggers_run_together, replayable_triggers
from huddle.lifecycle import repository
from huddle.lifecycle.models import StageTransition
from tests.contacts.factories import make_contact

STAGE_TABLE = StageTransition.__table__
COLUMNS = ("contact_id", "from_stage", "to_stage", "at", "reason")
# Lead → MQL → SQL → Customer: the attribution trigger notes the last three.
STAGES = ((None, "lead"), ("lead", "mql"), ("mql", "sql"), ("sql", "customer"))


def _triggers(db: Session, table: str) -> dict[str, str]:
    query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :table"
    return dict(db.execute(text(query), {"table": table}).all())


def _notes(db: Session) -> list[int]:
    query = "SELECT contact_id FROM attribution_stale WHERE contact_id IS NOT NULL ORDER BY id"
    return list(db.scalars(text(query)))


def _history_rows(contact_ids: list[int]) -> list[tuple[Any, ...]]:
    start = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    return [
        (contact_id, before, stage, start + timedelta(days=step, seconds=contact_id), None)
        for contact_id in contact_ids
        for step, (before, stage) in enumerate(STAGES)
    ]


def _contacts(db: Session, count: int) -> list[int]:
    return [make_contact(db, email=f"p{n}@acme.example").id for n in range(count)]


def _insert(db: Session, rows: list[tuple[Any, ...]]) -> None:
    repository.insert_transition_rows(db, COLUMNS, rows, shared={"source": "old-crm.csv"})


@pytest.fixture
def sqlite_db(db: Session) -> Session:
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("only SQLite sets triggers aside (PostgreSQL: see the last test)")
    return db


@pytest.mark.sqlite_only
def test_the_rows_get_what_their_triggers_would_have_given_them_one_by_one(
    sqlite_db: Session,
) -> None:
    db = sqlite_db
    contacts = _contacts(db, 300)
    rows = _history_rows(contacts)
    assert len(rows) >= insert_triggers.MIN_ROWS
    db.execute(text("DELETE FROM attribution_stale"))
    _insert(db, rows)
    one_by_one = _notes(db)
    assert len(one_by_one) == 3 * len(contacts)
    # (Deleting the rows notes their contacts too.)
    db.execute(text("DELETE FROM stage_transitions"))
    db.execute(text("DELETE FROM attribution_stale"))
    before = _triggers(db, "stage_transitions")

    with insert_triggers_run_together(db, STAGE_TABLE, len(rows)):
        # Set aside meanwhile: the insert's own, not those of updates and deletes.
        inside = _triggers(db, "stage_transitions")
        assert set(before) - set(inside) == {"attribution_stale_stage_transitions_insert"}
        _insert(db, rows)
        assert _notes(db) == []

    assert _notes(db) == one_by_one
    assert _triggers(db, "stage_transitions") == before
    # Back for the next rows, whoever writes them.
    _insert(db, _history_rows(contacts[:1]))
    assert _notes(db) == one_by_one + [contacts[0]] * 3


@pytest.mark.sqlite_only
def test_few_rows_are_left_to_the_triggers(sqlite_db: Session) -> None:
    db = sqlite_db
    contact = make_contact(db)
    before = _triggers(db, "stage_transitions")
    db.execute(text("DELETE FROM attribution_stale"))
    with insert_triggers_run_together(db, STAGE_TABLE, insert_triggers.MIN_ROWS - 1):
        assert _triggers(db, "stage_transitions") == before
        _insert(db, _history_rows([contact.id]))
        assert _notes(db) == [contact.id] * 3


@pytest.mark.sqlite_only
def test_after_an_error_the_triggers_are_back_and_nothing_is_replayed(
    sqlite_db: Session,
) -> None:
    db = sqlite_db
    contacts = _contacts(db, 300)
    before = _triggers(db, "stage_transitions")
    db.execute(text("DELETE FROM attribution_stale"))
    with (
        pytest.raises(RuntimeError, match="the load broke"),
        insert_triggers_run_together(db, STAGE_TABLE, 1200),
    ):
        _insert(db, _history_rows(contacts))
        raise RuntimeError("the load broke")
    assert _triggers(db, "stage_transitions") == before
    assert _notes(db) == []


@pytest.mark.sqlite_only
def test_only_insert_triggers_of_one_statement_are_replayed(sqlite_db: Session) -> None:
    db = sqlite_db
    replayed = {
        table: [trigger.name for trigger in replayable_triggers(db, table)]
        for table in ("contacts", "accounts", "stage_transitions", "touches", "audit_entries")
    }
    assert replayed == {
        "contacts": ["contact_search_insert"],
        "accounts": ["account_search_insert"],
        "stage_transitions": ["attribution_stale_stage_transitions_insert"],
        "touches": ["attribution_stale_touches_insert"],
        "audit_entries": [],  # its trigger refuses changes: not an insert's
    }
    (search,) = replayable_triggers(db, "contacts")
    assert search.replay == (
        "INSERT INTO contact_search (rowid, first_name, last_name, email)"
        " SELECT new.id, new.first_name, new.last_name, new.email"
        ' FROM "contacts" AS new WHERE new.rowid >= ? ORDER BY new.rowid'
    )
    (notes,) = replayable_triggers(db, "stage_transitions")
    assert notes.replay == (
        "INSERT INTO attribution_stale (contact_id) SELECT NEW.contact_id"
        ' FROM "stage_transitions" AS new WHERE new.rowid >= ?'
        " AND (NEW.to_stage IN ('mql', 'sql', 'customer')) ORDER BY new.rowid"
    )


@pytest.mark.sqlite_only
def test_a_trigger_of_another_shape_or_a_table_without_rowids_is_left_alone(
    sqlite_db: Session,
) -> None:
    db = sqlite_db
    db.execute(text("CREATE TABLE t_log (v INTEGER)"))
    db.execute(text("CREATE TABLE t_plain (id INTEGER PRIMARY KEY, v INTEGER)"))
    db.execute(text("CREATE TABLE t_keyed (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID"))
    db.execute(
        text(
            "CREATE TRIGGER t_plain_two AFTER INSERT ON t_plain BEGIN"
            " INSERT INTO t_log (v) VALUES (new.v); INSERT INTO t_log (v) VALUES (-new.v); END"
        )
    )
    db.execute(
        text(
            "CREATE TRIGGER t_keyed_log AFTER INSERT ON t_keyed BEGIN"
            " INSERT INTO t_log (v) VALUES (new.v); END"
        )
    )
    assert replayable_triggers(db, "t_plain") == []
    assert replayable_triggers(db, "t_keyed") == []


def test_postgresql_keeps_its_triggers(db: Session) -> None:
    if db.get_bind().dialect.name == "sqlite":
        pytest.skip("PostgreSQL's behaviour")
    assert replayable_triggers(db, "stage_transitions") == []

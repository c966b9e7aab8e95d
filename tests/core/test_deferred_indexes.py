"""Indexes a bulk load drops and builds again at its end (SQLite; elsewhere it keeps them)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy.orm import Session

from huddle.core import deferred_indexes
from huddle.core.db import make_engine
from huddle.core.deferred_indexes import (
    DeferredIndex,
    deferred,
    rebuild,
    rebuild_on,
    worth_deferring,
)
from huddle.core.migrations import upgrade

_SETTINGS = ("cache_size", "temp_store", "threads")
INDEX = "ix_stage_transitions_to_stage_at_contact_id"
OTHER = "ix_contacts_created_at_id"


def _is_sqlite(db: Session) -> bool:
    return db.get_bind().dialect.name == "sqlite"


def _definition(db: Session, name: str) -> str | None:
    query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    return db.execute(text(query), {"name": name}).scalar()


def _recorded(db: Session) -> dict[str, str]:
    return {i.name: i.holder for i in db.scalars(select(DeferredIndex))}


@pytest.fixture
def sqlite_db(db: Session) -> Session:
    if not _is_sqlite(db):
        pytest.skip("only SQLite defers indexes (PostgreSQL: see the next test)")
    return db


@pytest.mark.sqlite_only
def test_a_deferred_index_is_dropped_recorded_and_built_again_as_it_was(
    sqlite_db: Session,
) -> None:
    db = sqlite_db
    before = _definition(db, INDEX)
    assert before is not None

    assert deferred_indexes.defer(db, [INDEX, "ix_no_such_index"], holder="import 7") == [INDEX]

    assert _definition(db, INDEX) is None
    assert _recorded(db) == {INDEX: "import 7"}
    # A load resumed after its process stopped has it deferred still, and builds it,
    # even when it defers nothing this time (few rows were left).
    assert deferred_indexes.defer(db, [INDEX], holder="import 7") == [INDEX]
    assert deferred_indexes.defer(db, [], holder="import 7") == [INDEX]
    assert _recorded(db) == {INDEX: "import 7"}
    # Another load's is not its own.
    assert deferred_indexes.defer(db, [INDEX], holder="import 9") == []

    assert rebuild(db) == [INDEX]
    assert _definition(db, INDEX) == before
    assert _recorded(db) == {}


@pytest.mark.sqlite_only
def test_the_block_gets_its_indexes_back_even_when_it_fails(own_engine: Engine) -> None:
    if own_engine.dialect.name != "sqlite":
        pytest.skip("only SQLite defers indexes")
    # One connection, so the one that built the indexes is the one looked at after.
    own_engine = make_engine(str(own_engine.url), pool_size=1, max_overflow=0)
    broken = pytest.raises(RuntimeError, match="the load broke")
    with broken, deferred(own_engine, [INDEX, OTHER], holder="import 8") as dropped:
        assert dropped == [INDEX, OTHER]
        with Session(own_engine) as session:
            # Committed: another connection (a page being read) finds them gone.
            assert _definition(session, OTHER) is None
            assert _recorded(session) == {INDEX: "import 8", OTHER: "import 8"}
        raise RuntimeError("the load broke")
    with own_engine.connect() as connection, Session(bind=connection) as session:
        assert _definition(session, INDEX) is not None
        assert _definition(session, OTHER) is not None
        assert _recorded(session) == {}
        # The build's own settings did not stay with the connection, back in the pool.
        pragmas = [connection.exec_driver_sql(f"PRAGMA {p}").scalar() for p in _SETTINGS]
        assert pragmas == [-65536, 2, 0]  # 64 MB of cache, temporary data in memory
    own_engine.dispose()


@pytest.mark.sqlite_only
def test_only_the_indexes_of_loads_that_stopped_are_built_again(sqlite_db: Session) -> None:
    db = sqlite_db
    deferred_indexes.defer(db, [INDEX], holder="import 1")
    deferred_indexes.defer(db, [OTHER], holder="import 2")

    assert rebuild(db, holders=lambda holder: holder != "import 2") == [INDEX]

    assert _definition(db, INDEX) is not None and _definition(db, OTHER) is None
    assert _recorded(db) == {OTHER: "import 2"}
    rebuild(db)


@pytest.mark.sqlite_only
def test_a_migration_first_builds_what_a_stopped_load_left_deferred(own_engine: Engine) -> None:
    if own_engine.dialect.name != "sqlite":
        pytest.skip("only SQLite defers indexes")
    with Session(own_engine) as session, session.begin():
        deferred_indexes.defer(session, [INDEX], holder="import 3")

    upgrade(own_engine)

    with Session(own_engine) as session:
        assert _definition(session, INDEX) is not None
        assert _recorded(session) == {}


def test_postgresql_keeps_its_indexes(db: Session) -> None:
    if _is_sqlite(db):
        pytest.skip("PostgreSQL only")
    assert deferred_indexes.defer(db, [INDEX], holder="import 4") == []
    assert not worth_deferring(db, "stage_transitions", 10_000_000)
    assert _recorded(db) == {}


@pytest.mark.sqlite_only
def test_a_load_is_worth_deferring_for_when_big_and_not_small_beside_its_table(
    sqlite_db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = sqlite_db
    monkeypatch.setattr(deferred_indexes, "MIN_ENTRIES", 10)
    db.execute(
        text(
            "INSERT INTO rejection_reasons (code, label, active, position)"
            " VALUES ('r1', 'a', 1, 1), ('r2', 'b', 1, 2)"
        )
    )
    rows = db.execute(text("SELECT max(rowid) FROM rejection_reasons")).scalar_one()

    assert not worth_deferring(db, "rejection_reasons", 9)  # under the minimum
    assert worth_deferring(db, "rejection_reasons", max(10, rows // 2))
    monkeypatch.setattr(deferred_indexes, "MIN_ENTRIES", 1)
    assert not worth_deferring(db, "rejection_reasons", rows // 2 - 1)  # small beside it


@pytest.mark.sqlite_only
def test_each_index_is_built_in_a_transaction_of_its_own(own_engine: Engine) -> None:
    """A writer waits for one build at most, not for all of them (busy_timeout is 10 s)."""
    if own_engine.dialect.name != "sqlite":
        pytest.skip("only SQLite defers indexes")
    with Session(own_engine) as session, session.begin():
        deferred_indexes.defer(session, [INDEX, OTHER], holder="import 5")
    commits: list[object] = []

    def committed(connection: object) -> None:
        commits.append(connection)

    event.listen(own_engine, "commit", committed)
    try:
        assert rebuild_on(own_engine) == [INDEX, OTHER]  # in the order they were deferred
    finally:
        event.remove(own_engine, "commit", committed)
    assert len(commits) == 3  # one for each index, then the look that finds none left
    with Session(own_engine) as session:
        assert _definition(session, INDEX) is not None and _recorded(session) == {}

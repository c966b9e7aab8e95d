"""SQLite: a serving process's commits are copied back into the database file on a thread
of their own, so no request's commit does that work (or waits for its disk writes)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from huddle.core.checkpoints import checkpoints_after_commits
from huddle.core.db import make_engine


def _new_table(path: Path) -> None:
    """Table ``t``, with the WAL copied back and emptied (plain sqlite3, no transaction)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (n INTEGER)")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _rows_in_the_database_file(path: Path) -> int:
    """What the main file holds, ignoring the WAL (``immutable``: read it as it is)."""
    connection = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM t").fetchone()[0])
    finally:
        connection.close()


def test_commits_reach_the_database_file_without_the_writer_checkpointing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "served.db"
    _new_table(path)
    engine = make_engine(f"sqlite:///{path}")
    assert _rows_in_the_database_file(path) == 0
    with checkpoints_after_commits(engine, pause=0):
        for n in range(4):
            with engine.begin() as connection:
                # The writer itself never copies the WAL back: only the thread can.
                connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
                # The fourth commit carries the third along: a checkpoint asked for by a
                # commit may start before that commit lands (the event comes first).
                connection.exec_driver_sql("INSERT INTO t VALUES (?)", (n if n < 3 else -1,))
            time.sleep(0.05)
        deadline = time.monotonic() + 10
        while _rows_in_the_database_file(path) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
    assert _rows_in_the_database_file(path) >= 3
    engine.dispose()


def test_without_commits_nothing_is_checkpointed(tmp_path: Path) -> None:
    path = tmp_path / "idle.db"
    _new_table(path)
    engine = make_engine(f"sqlite:///{path}")
    with checkpoints_after_commits(engine, pause=0), engine.connect() as connection:
        connection.exec_driver_sql("INSERT INTO t VALUES (1)")
        time.sleep(0.2)
        assert _rows_in_the_database_file(path) == 0
        connection.rollback()
    engine.dispose()

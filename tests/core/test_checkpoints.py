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
        for n in range(3):
            with engine.begin() as connection:
                # The writer itself never copies the WAL back: only the thread can.
                connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
                connection.exec_driver_sql("INSERT INTO t VALUES (?)", (n,))
            # Each commit is copied back by itself, without a later commit to carry it.
            deadline = time.monotonic() + 10
            while _rows_in_the_database_file(path) < n + 1 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert _rows_in_the_database_file(path) == n + 1
    engine.dispose()


def test_the_wal_starts_over_between_commits(tmp_path: Path) -> None:
    """A WAL the thread has wholly copied back is started over by the next writer, so it
    stays about one commit long instead of growing by every commit."""
    path = tmp_path / "busy.db"
    _new_table(path)
    engine = make_engine(f"sqlite:///{path}")
    page = b"x" * 4000
    with checkpoints_after_commits(engine, pause=0):
        for _ in range(20):
            with engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
                for _ in range(25):  # about 100 kB a commit
                    connection.exec_driver_sql("INSERT INTO t VALUES (?)", (page,))
            time.sleep(0.05)
        wal = path.with_name(path.name + "-wal").stat().st_size
    engine.dispose()
    # 20 commits of ~100 kB without a restart would leave a WAL of ~2 MB.
    assert wal < 500_000, wal


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

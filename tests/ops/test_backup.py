"""``huddle backup`` and ``huddle restore`` end to end, through the CLI: a populated
database backed up and restored into an empty one holds the same rows in every table, on
SQLite and on PostgreSQL (pg_dump and pg_restore of the server's version). A restore
refuses to overwrite data without --force, and checks the backup's schema revision first.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, select, text
from typer.testing import CliRunner, Result

from huddle.cli import app
from huddle.core import clock
from huddle.core.backup import _pg_tool, _tables_holding_data, backup
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import head_revision, upgrade
from huddle.core.settings import get_settings
from huddle.demo.load import load_demo
from tests.conftest import make_user

PG_URL = os.environ.get("HUDDLE_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", "postgresql"]

Fresh = Callable[[str], Engine]


@pytest.fixture(params=BACKENDS)
def fresh(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Fresh]:
    """Empty databases of one kind, made on demand (dropped afterwards); the CLI is pointed
    at the one made last."""
    kind: str = request.param
    if kind == "postgresql" and not PG_URL.startswith("postgresql"):
        pytest.skip("pg_dump and pg_restore are tested in the PostgreSQL test run")
    made: list[tuple[Engine, Callable[[], None]]] = []

    def new(name: str) -> Engine:
        if kind == "sqlite":
            url, drop = f"sqlite:///{tmp_path / name}.db", lambda: None
        else:
            url, drop = _pg_database(f"huddle_backup_{uuid.uuid4().hex[:10]}_{name}")
        engine = make_engine(url)
        made.append((engine, drop))
        monkeypatch.setenv("HUDDLE_DATABASE_URL", url)
        get_settings.cache_clear()
        return engine

    yield new
    get_settings.cache_clear()
    for engine, drop in made:
        engine.dispose()
        drop()


def _pg_database(name: str) -> tuple[str, Callable[[], None]]:
    """A database of its own on the test server (the CLI's URL names a database)."""
    server = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()

    return f"{server.url.render_as_string(hide_password=False).rsplit('/', 1)[0]}/{name}", drop


@contextmanager
def _demo_clock() -> Iterator[None]:
    previous = clock.use_clock(clock.FrozenClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC)))
    try:
        yield
    finally:
        clock.use_clock(previous)


def _populated(fresh: Fresh, name: str) -> Engine:
    engine = fresh(name)
    upgrade(engine)
    with _demo_clock(), unit_of_work(session_factory(engine)) as session:
        load_demo(session, seed=3, contacts=40)
    return engine


def _cli(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _every_row(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(
                    select(table).order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for name, table in metadata.tables.items()
        }


def test_a_restored_backup_holds_every_row_of_every_table(fresh: Fresh, tmp_path: Path) -> None:
    source = _populated(fresh, "source")
    expected = _every_row(source)
    backup_file = tmp_path / "huddle.backup"

    made = _cli("backup", str(backup_file))
    assert made.exit_code == 0, made.output
    assert f"schema {head_revision()}" in made.output

    target = fresh("target")
    restored = _cli("restore", str(backup_file))
    assert restored.exit_code == 0, restored.output
    assert "huddle migrate" not in restored.output  # same schema: ready to serve

    got = _every_row(target)
    assert got.keys() == expected.keys()
    for name, rows in expected.items():
        assert got[name] == rows, name
    # A backup of a company, not of an empty schema.
    assert sum(1 for rows in expected.values() if rows) > 20
    assert len(expected["contacts"]) == 40


def test_restore_refuses_to_overwrite_data_without_force(fresh: Fresh, tmp_path: Path) -> None:
    source = fresh("source")
    upgrade(source)
    with unit_of_work(session_factory(source)) as session:
        make_user(session, email="before.backup@huddle.example")
    backup_file = tmp_path / "huddle.backup"
    assert _cli("backup", str(backup_file)).exit_code == 0
    with unit_of_work(session_factory(source)) as session:
        make_user(session, email="after.backup@huddle.example")

    refused = _cli("restore", str(backup_file))

    assert refused.exit_code == 1
    assert "--force" in refused.output and "users (2)" in refused.output
    assert _emails(source) == ["after.backup@huddle.example", "before.backup@huddle.example"]

    forced = _cli("restore", "--force", str(backup_file))

    assert forced.exit_code == 0, forced.output
    assert _emails(source) == ["before.backup@huddle.example"]


def test_a_freshly_migrated_database_counts_as_empty(fresh: Fresh) -> None:
    # What `huddle migrate` writes itself is no one's data: a restore needs no --force.
    engine = fresh("migrated")
    upgrade(engine)
    assert _tables_holding_data(engine) == []


def test_a_backup_from_a_newer_huddle_is_refused_and_an_older_one_needs_migrate(
    fresh: Fresh, tmp_path: Path
) -> None:
    older = fresh("older")
    upgrade(older, "0011")
    older_file = tmp_path / "older.backup"
    assert _cli("backup", str(older_file)).exit_code == 0
    with older.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    newer_file = tmp_path / "newer.backup"
    assert _cli("backup", str(newer_file)).exit_code == 0

    target = fresh("target")
    refused = _cli("restore", str(newer_file))
    assert refused.exit_code == 1
    assert "newer version of Huddle" in refused.output and "0099_from_the_future" in refused.output
    assert _tables_of(target) == set()  # nothing changed

    restored = _cli("restore", str(older_file))
    assert restored.exit_code == 0, restored.output
    assert "Run `huddle migrate`" in restored.output
    upgrade(target)  # and it can be brought up to date
    assert _tables_holding_data(target) == []


def test_a_file_that_is_not_a_backup_is_refused(fresh: Fresh, tmp_path: Path) -> None:
    target = fresh("target")
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("shopping list")

    refused = _cli("restore", str(not_a_backup))

    assert refused.exit_code == 1 and "not a Huddle backup" in refused.output
    assert _tables_of(target) == set()


def test_sqlite_backups_are_consistent_while_huddle_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    engine = make_engine(url)
    upgrade(engine)
    stop = threading.Event()

    def keep_writing() -> None:
        factory = session_factory(engine)
        while not stop.is_set():
            with unit_of_work(factory) as session:
                make_user(session)

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    try:
        for n in range(3):
            backup(engine, tmp_path / f"busy-{n}.backup")
    finally:
        stop.set()
        writer.join(timeout=10)
        engine.dispose()
    for n in range(3):
        with sqlite3.connect(tmp_path / f"busy-{n}.backup") as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copy.execute("SELECT count(*) FROM users").fetchone()[0] >= 0


def test_pg_dump_matches_the_server_version() -> None:
    if not PG_URL.startswith("postgresql"):
        pytest.skip("runs in the PostgreSQL test run")
    engine = make_engine(PG_URL)
    try:
        with engine.connect() as connection:
            server = int(connection.execute(text("SHOW server_version_num")).scalar_one())
        tool = Path(_pg_tool("pg_dump", engine))
    finally:
        engine.dispose()
    # Debian's client of the server's own version when there is one.
    debian = Path(f"/usr/lib/postgresql/{server // 10000}/bin/pg_dump")
    assert tool == debian if debian.exists() else tool.exists()


def _emails(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT email FROM users ORDER BY email")))


def _tables_of(engine: Engine) -> set[str]:
    metadata = MetaData()
    metadata.reflect(engine)
    return set(metadata.tables)

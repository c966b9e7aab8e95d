"""``huddle backup`` and ``huddle restore``: one file holding the whole database.

SQLite: the file is a copy made with SQLite's online backup API, a consistent snapshot
even while Huddle serves and its worker writes. PostgreSQL: the file is ``pg_dump``'s
custom format, read back by ``pg_restore``; both are the client tools that match the
server's version (Debian keeps each version's in /usr/lib/postgresql/<version>/bin).

A restore refuses to overwrite a database that holds data unless forced, and compares the
backup's schema revision with the code's migrations before it changes anything.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select, table, text
from sqlalchemy.engine import URL, Connection

from huddle.core.migrations import head_revision, is_known_revision

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
DEBIAN_POSTGRES = Path("/usr/lib/postgresql")
# Rows `huddle migrate` writes itself: a database holding only these is still empty.
SEEDED_BY_MIGRATIONS = frozenset(
    {
        "alembic_version",
        "allowed_transitions",
        "rejection_reasons",
        "tracking_event_types",
        "email_delivery",
    }
)
_COPY_REVISION = re.compile(r"^COPY \S*alembic_version \(version_num\) FROM stdin;$")


class BackupError(RuntimeError):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class Restored:
    revision: str
    # None when the restored schema is what this version of Huddle runs on.
    migrate_to: str | None


def backup(engine: Engine, target: Path) -> str:
    """Write the whole database to ``target`` (replaced only once the copy is complete);
    returns the schema revision it holds."""
    revision = _revision_of_database(engine)
    if revision is None:
        raise BackupError("the database has no Huddle schema to back up: run `huddle migrate`")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if engine.dialect.name == "sqlite":
            _sqlite_backup(engine, partial)
        else:
            _pg_dump(engine, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return revision


def restore(engine: Engine, source: Path, *, force: bool = False) -> Restored:
    """Replace the database's contents with the backup ``source``. Refused, with nothing
    changed, when the database holds data (unless ``force``), when ``source`` is not a
    backup for this kind of database, or when its schema is newer than this code knows."""
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    sqlite = engine.dialect.name == "sqlite"
    _check_format(source, sqlite=sqlite)
    revision = _check_revision(
        source, _revision_of_sqlite_file(source) if sqlite else _revision_of_dump(engine, source)
    )
    holding = _tables_holding_data(engine)
    if holding and not force:
        shown = ", ".join(f"{name} ({count:,})" for name, count in holding[:5])
        raise BackupError(
            f"the database already holds data ({shown}{', ...' if len(holding) > 5 else ''}). "
            "Restoring replaces all of it: run again with --force if that is what you want "
            "(back it up first with `huddle backup`)"
        )
    engine.dispose()
    if sqlite:
        _sqlite_restore(engine, source)
    else:
        _pg_restore(engine, source)
    engine.dispose()
    head = head_revision()
    return Restored(revision=revision, migrate_to=head if revision != head else None)


# --- what a database and a backup hold -------------------------------------------------------


def _revision_of_database(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        found: str | None = connection.execute(
            text("SELECT version_num FROM alembic_version")
        ).scalar()
        return found


# The tables SQLite's full-text index keeps beside each of its virtual tables.
FTS5_SHADOWS = ("", "_config", "_content", "_data", "_docsize", "_idx")


def _index_tables(connection: Connection) -> set[str]:
    """SQLite's full-text indexes and their shadow tables: derived from other tables, so
    their rows are no data of their own (a migrated database fills some)."""
    if connection.dialect.name != "sqlite":
        return set()
    virtual = connection.execute(
        text("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    ).scalars()
    return {name + suffix for name in virtual for suffix in FTS5_SHADOWS}


def _tables_holding_data(engine: Engine) -> list[tuple[str, int]]:
    """Tables with rows beyond what the migrations write, and how many."""
    with engine.connect() as connection:
        skipped = SEEDED_BY_MIGRATIONS | _index_tables(connection)
        names = sorted(set(inspect(connection).get_table_names()) - skipped)
        counts = [
            (name, connection.execute(select(func.count()).select_from(table(name))).scalar_one())
            for name in names
        ]
    return [(name, count) for name, count in counts if count]


def _check_format(source: Path, *, sqlite: bool) -> None:
    with source.open("rb") as file:
        start = file.read(len(SQLITE_MAGIC))
    if start.startswith(SQLITE_MAGIC if sqlite else PG_DUMP_MAGIC):
        return
    made_by = (
        "SQLite"
        if start.startswith(SQLITE_MAGIC)
        else "PostgreSQL"
        if start.startswith(PG_DUMP_MAGIC)
        else None
    )
    if made_by is None:
        raise BackupError(f"{source} is not a Huddle backup")
    raise BackupError(
        f"{source} is a backup of a {made_by} database; this Huddle uses "
        f"{'SQLite' if sqlite else 'PostgreSQL'}: restore it with HUDDLE_DATABASE_URL "
        f"naming a {made_by} database"
    )


def _check_revision(source: Path, revision: str | None) -> str:
    if revision is None:
        raise BackupError(f"{source} holds no Huddle schema revision: it is not a Huddle backup")
    if not is_known_revision(revision):
        raise BackupError(
            f"{source} was made by a newer version of Huddle: its schema is at {revision}, "
            f"which this version does not know (it goes up to {head_revision()}). Nothing "
            "was changed: upgrade Huddle, then restore"
        )
    return revision


# --- SQLite ----------------------------------------------------------------------------------


def _sqlite_backup(engine: Engine, target: Path) -> None:
    pooled = engine.raw_connection()
    try:
        copy = sqlite3.connect(target)
        try:
            # One step: the copy is the database as of one moment, writers notwithstanding.
            pooled.driver_connection.backup(copy)  # type: ignore[union-attr]
            # A single self-contained file: no -wal beside it to lose on the way.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        pooled.close()


def _revision_of_sqlite_file(source: Path) -> str | None:
    try:
        with _read_only(source) as backup_db:
            row = backup_db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def _read_only(source: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_restore(engine: Engine, source: Path) -> None:
    pooled = engine.raw_connection()
    try:
        with _read_only(source) as backup_db:
            # Page by page into the live file, under SQLite's own locking, so a process
            # that still has it open sees either the old database or the restored one.
            backup_db.backup(pooled.driver_connection)  # type: ignore[arg-type]
        pooled.driver_connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
    finally:
        pooled.close()


# --- PostgreSQL ------------------------------------------------------------------------------


def _pg_dump(engine: Engine, target: Path) -> None:
    uri, env = _libpq(engine.url)
    _run(
        _pg_tool("pg_dump", engine),
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        f"--file={target}",
        f"--dbname={uri}",
        env=env,
    )


def _revision_of_dump(engine: Engine, source: Path) -> str | None:
    """The alembic_version row, read from the dump without restoring anything."""
    listing = _run(
        _pg_tool("pg_restore", engine),
        "--data-only",
        "--table=alembic_version",
        "--file=-",
        str(source),
        env=None,
    )
    lines = iter(listing.splitlines())
    for line in lines:
        if _COPY_REVISION.match(line):
            value = next(lines, "\\.")
            return None if value == "\\." else value.strip()
    return None


def _pg_restore(engine: Engine, source: Path) -> None:
    with engine.begin() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        # Empty it, objects the backup does not have included (a newer migration's tables):
        # afterwards the database is the backup's, nothing more.
        quoted = connection.dialect.identifier_preparer.quote(schema)
        connection.execute(text(f"DROP SCHEMA {quoted} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {quoted}"))
    uri, env = _libpq(engine.url)
    _run(
        _pg_tool("pg_restore", engine),
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={uri}",
        str(source),
        env=env,
    )


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The libpq URI for the client tools, its password passed in the environment rather
    than on a command line that others on the machine can read."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return plain.render_as_string(hide_password=False), env


def _pg_tool(name: str, engine: Engine) -> str:
    """``name`` (pg_dump, pg_restore) from a client at least as new as the server: an older
    pg_dump refuses a newer server. Debian's for the server's version first."""
    with engine.connect() as connection:
        server = int(connection.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    candidates = [DEBIAN_POSTGRES / str(server) / "bin" / name]
    candidates += sorted(DEBIAN_POSTGRES.glob(f"*/bin/{name}"), key=_version_of_path)
    on_path = shutil.which(name)
    candidates += [Path(on_path)] if on_path else []
    for tool in candidates:
        if tool.exists() and _client_version(tool) >= server:
            return str(tool)
    raise BackupError(
        f"no {name} for PostgreSQL {server} found (an older one cannot read a newer "
        f"server): install the client tools, e.g. `apt install postgresql-client-{server}`"
    )


def _version_of_path(tool: Path) -> int:
    version = tool.parent.parent.name
    return int(version) if version.isdigit() else 0


def _client_version(tool: Path) -> int:
    # "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
    found = re.search(r"\(PostgreSQL\) (\d+)", _run(str(tool), "--version", env=None))
    return int(found.group(1)) if found else 0


def _run(program: str, *args: str, env: dict[str, str] | None) -> str:
    done = subprocess.run(  # noqa: S603 - a client tool found above, our own arguments
        [program, *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{Path(program).name} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout

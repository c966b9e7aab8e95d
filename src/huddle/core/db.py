"""Engine, sessions and the unit of work.

``commit()`` is called in exactly one place, :func:`unit_of_work`: a request, a job or a
CLI command opens one, services only flush.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from huddle.core.settings import Settings, get_settings

_engines: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite opens transactions itself, only before DML: a SAVEPOINT coming first then
    # starts the transaction and its RELEASE commits it, so begin_nested() and the tests'
    # rolled-back outer transaction would silently commit. SQLAlchemy emits BEGIN instead
    # (``_sqlite_begin``), as its documentation recommends for pysqlite.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets the web server read while the worker or an import writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA temp_store=MEMORY")
    # Checkpoint every 64 MB of WAL instead of every 4 MB. A bulk write (an import chunk,
    # a rescore) dirties the same index pages commit after commit; a checkpoint copies
    # each page once however often it was rewritten, so fewer checkpoints copy and fsync
    # far less (a 1,000,000-row import: 18,100 -> 31,300 rows/s on a busy disk).
    cursor.execute("PRAGMA wal_autocheckpoint=16384")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so a transaction that reads and then writes
    # waits its turn (busy_timeout) for another writer. Begun DEFERRED, its first write
    # would fail at once ("database is locked") had anyone committed since it began reading,
    # e.g. a sign-in racing the worker. Page views too: some write (the session's last-seen
    # time, an audited export, a notification marked read). The price: a request waits
    # while a job commits its chunk, so jobs keep their transactions short.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, echo: bool = False, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            from pathlib import Path

            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, hide_parameters=True, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # hide_parameters: SQL values (emails, password hashes) stay out of logs and errors.
    return create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True, **kwargs)


def get_engine(settings: Settings | None = None) -> Engine:
    settings = settings or get_settings()
    engine = _engines.get(settings.database_url)
    if engine is None:
        engine = make_engine(settings.database_url, echo=settings.log_sql)
        _engines[settings.database_url] = engine
    return engine


def session_factory(engine: Engine | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=engine or get_engine(), expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session] | None = None) -> Iterator[Session]:
    """One transaction: commits when the block ends, rolls back if it raises."""
    session = (factory or session_factory())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()

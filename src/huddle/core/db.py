"""Engine, sessions and the unit of work.

``commit()`` is called in this module only, by :func:`unit_of_work`: a request, a job or
a CLI command opens one, services only flush. (:func:`units_on_one_connection` is the
same for a thread that runs many short transactions in a row.)
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import Engine, Table, bindparam, create_engine, event, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from huddle.core.settings import Settings, get_settings

_engines: dict[str, Engine] = {}

# What a client is told to wait before trying again while the database is unreachable
# (a restart of PostgreSQL takes a few seconds).
RETRY_AFTER_SECONDS = 5
# SQLite's primary result codes that mean "not now" rather than "wrong query": BUSY,
# LOCKED, IOERR, CANTOPEN. sqlite3 raises OperationalError for a misspelt column too.
_SQLITE_TRANSIENT = frozenset({5, 6, 10, 14})


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
    # far less (the import's figures are in the README's performance section).
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


def _postgresql_session(dbapi_connection: Any, _record: Any) -> None:
    # psycopg prepares a statement on the server after its fifth run, and PostgreSQL then
    # may plan it once for any parameters (a generic plan). The list's and the funnel's
    # best plans depend on the values: a stage of nine contacts in ten or one in three
    # hundred. A generic plan of the list's "which stages have a match" check walked the
    # wrong index: 0.9 s a page from the sixth view on, against 1 ms. Prepared statements
    # keep their parsing saved; each run is planned for its values.
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    dbapi_connection.execute("SET plan_cache_mode = force_custom_plan")
    dbapi_connection.autocommit = autocommit


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
    engine = create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True, **kwargs)
    event.listen(engine, "connect", _postgresql_session)
    return engine


def is_database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` says the database cannot be reached right now (stopped, restarting,
    the connection cut, too busy), as opposed to a statement it refused. Such a request
    changed nothing and may simply be sent again a little later."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated or isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    if isinstance(exc.orig, sqlite3.Error):
        return (getattr(exc.orig, "sqlite_errorcode", 0) & 0xFF) in _SQLITE_TRANSIENT
    # psycopg: no SQLSTATE is a failure on the client's side (refused, closed, reset);
    # class 08 is a connection exception, 57P0x the server shutting down or starting up,
    # class 53 out of resources (too many connections). Not 57014, a cancelled statement.
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P", "53"))


class OutageLog:
    """Says once that the database is unreachable, then keeps quiet while it stays so: an
    outage under load would otherwise write a traceback for every request. Says again
    after ``quiet_seconds`` without news, and once when it is back."""

    def __init__(self, logger: logging.Logger, what: str, *, quiet_seconds: float = 60.0) -> None:
        self._log = logger
        self._what = what
        self._quiet = quiet_seconds
        self._lock = threading.Lock()
        self._said_at: float | None = None

    def unavailable(self, exc: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            if self._said_at is not None and now - self._said_at < self._quiet:
                return
            self._said_at = now
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()
        self._log.warning(
            "%s: the database is unreachable (%s); retrying",
            self._what,
            reason[0] if reason else exc,
        )

    def available(self) -> None:
        if self._said_at is None:
            return
        with self._lock:
            if self._said_at is None:
                return
            self._said_at = None
        self._log.warning("%s: the database is reachable again", self._what)


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
        with _committed(session):
            yield session
    finally:
        session.close()


@contextmanager
def _committed(session: Session) -> Iterator[Session]:
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


UnitOfWork = Callable[[], AbstractContextManager[Session]]


@contextmanager
def units_on_one_connection(factory: sessionmaker[Session]) -> Iterator[UnitOfWork]:
    """``unit_of_work`` for a thread that runs many short transactions in a row (a mail
    conversation's "sent" marks, one a message): one session on one connection, held
    until the block ends, each ``with units() as session`` a transaction committed when
    it ends (rolled back if it raises). Saves a session's making and a pool checkout (on
    PostgreSQL a ping too) a transaction: of ~115 µs CPU, ~40. A factory bound to a
    connection already (a test's, its transactions savepoints) is used as it is."""
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine):
        yield lambda: unit_of_work(factory)
        return
    with bind.connect() as connection, factory(bind=connection) as session:
        yield lambda: _committed(session)


def update_by_id(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]
) -> None:
    """Each row's ``columns`` written to the row of ``table`` with its ``id``: one plain
    executemany UPDATE for a batch (the ORM's bulk update by primary key costs twice)."""
    if not rows:
        return
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(name) for name in columns})
    )
    values = [{"row_id": row["id"], **{name: row[name] for name in columns}} for row in rows]
    session.connection().execute(statement, values)


# --- a merge's rows ---------------------------------------------------------------------------


def repoint(session: Session, *columns: InstrumentedAttribute[Any], old: int, new: int) -> None:
    """Every row whose ``column`` holds ``old`` holds ``new`` instead, for each column: a
    merged record's rows moving to the survivor (one UPDATE a column)."""
    for column in columns:
        session.execute(update(column.class_).where(column == old).values({column.key: new}))


# --- what one transaction may keep -----------------------------------------------------------

_MEMO_KEY = "huddle_transaction_memo"


def transaction_memo(session: Session, name: str) -> dict[Any, Any]:
    """A dict under ``name`` that lives until the session writes (a flush) or its
    transaction ends: for answers a request asks for more than once (a list's page and its
    total both need a search word's matches), which a write or a later transaction may
    change."""
    memo: dict[str, dict[Any, Any]] = session.info.setdefault(_MEMO_KEY, {})
    return memo.setdefault(name, {})


def _forget_memo(session: Session, *_: Any) -> None:
    session.info.pop(_MEMO_KEY, None)


event.listen(Session, "after_flush", _forget_memo)
event.listen(Session, "after_transaction_end", _forget_memo)

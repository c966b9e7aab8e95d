"""Indexes a bulk load builds once, at its end, instead of entry by entry.

An index whose keys arrive in no order (an imported history's stage dates, its contacts'
created dates) costs a load on SQLite more than the rows themselves: each chunk's entries
land all over the index, so every commit rewrites nearly all of its pages and the WAL's
checkpoint copies them back. Built after the rows are in, the same index is one sort. A
million contacts with five dated stages each imported in 226 s with the three such
indexes kept entry by entry, and in 104 s with them built at the end, the builds taking
7.7 s of it (the README's performance section has the figures). It is what databases
advise for a bulk load (PostgreSQL's "Populating a Database": remove indexes, load,
create them again).

While an index is deferred, the queries that would use it still get the same answers,
more slowly. Only SQLite defers: on PostgreSQL, dropping an index waits for every reader
of its table and holds up the readers that come meanwhile, and its imports were not
measured to need it.

A deferred index is recorded (its definition, and which load deferred it) in the
transaction that drops it, so that one a stopped process left behind is built again by
whoever finds it: the load itself when resumed, the sweep that finds stopped loads, and
``huddle migrate``.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Engine,
    Integer,
    Row,
    String,
    Text,
    delete,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Mapped, Session, mapped_column

from huddle.core.models import Base, utcnow

log = logging.getLogger(__name__)

# A load worth deferring an index for: this many new entries at least, and at least half
# as many as the table holds (its index is rebuilt whole: a small load into a big table
# is cheaper entry by entry).
MIN_ENTRIES = 50_000


class DeferredIndex(Base):
    """An index dropped for a bulk load, to be built again from ``definition``."""

    __tablename__ = "deferred_indexes"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text)
    # Which load deferred it ("import 12"): the sweep builds it again once that load stops.
    holder: Mapped[str] = mapped_column(String(200))
    deferred_at: Mapped[datetime] = mapped_column(default=utcnow)


def worth_deferring(session: Session, table: str, entries: int) -> bool:
    """Whether ``entries`` new rows of ``table`` are cheaper indexed at the end."""
    if session.get_bind().dialect.name != "sqlite" or entries < MIN_ENTRIES:
        return False
    # The largest rowid stands for the row count: a count would read the whole table.
    rowid = literal_column("rowid", Integer)
    rows = session.scalar(select(func.max(rowid)).select_from(sql_table(table))) or 0
    return entries * 2 >= rows


def defer(session: Session, names: Sequence[str], *, holder: str) -> list[str]:
    """Drop the indexes ``names`` that exist, recording how to build each again; returns
    every index now deferred by ``holder``: the ones it drops and the ones it had dropped
    before (a load resumed after its process stopped, whatever it defers this time).
    SQLite only (elsewhere it drops nothing)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    for name in names:
        found = _index(session, name)
        if found is None or found.sql is None:
            continue  # deferred already, or built in (a unique constraint's)
        session.add(
            DeferredIndex(name=name, table_name=found.tbl_name, definition=found.sql, holder=holder)
        )
        session.flush()
        session.execute(text(f'DROP INDEX "{name}"'))
    return held_by(session, holder)


def held_by(session: Session, holder: str) -> list[str]:
    """The indexes ``holder`` has deferred, in the order it did."""
    held = select(DeferredIndex.name).where(DeferredIndex.holder == holder)
    return list(session.scalars(held.order_by(DeferredIndex.deferred_at, DeferredIndex.name)))


def rebuild(
    session: Session,
    *,
    holders: Callable[[str], bool] | None = None,
    at_most: int | None = None,
) -> list[str]:
    """Build again the deferred indexes (those whose holder ``holders`` accepts, or all;
    ``at_most`` of them) in the session's transaction; returns their names. The sort of
    each build goes where the connection keeps temporary data (``rebuild_on`` sends it to
    disk)."""
    query = select(DeferredIndex).order_by(DeferredIndex.deferred_at, DeferredIndex.name)
    deferred = [
        index for index in session.scalars(query) if holders is None or holders(index.holder)
    ][:at_most]
    for index in deferred:
        started = time.perf_counter()
        _create(session, index)
        log.info("index %s built again in %.1fs", index.name, time.perf_counter() - started)
    names = [index.name for index in deferred]
    if names:
        session.execute(delete(DeferredIndex).where(DeferredIndex.name.in_(names)))
    return names


def _create(session: Session, index: DeferredIndex) -> None:
    if _index(session, index.name) is None:
        session.execute(text(index.definition))


def _index(session: Session, name: str) -> Row[Any] | None:
    """SQLite's record of the index ``name`` (its table, its definition), if it exists."""
    query = "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    return session.execute(text(query), {"name": name}).first()


# How a load's index builds sort (SQLite's pragmas): in temporary files, not in memory
# (``temp_store=MEMORY``, the connections' setting, would hold the whole sort: hundreds of
# megabytes at five million stage rows), with two helper threads, each of the three
# sorters holding 16 MB (a sorter takes the page cache's size). Five million stage rows
# sort in 4.8 s and 49 MB, against 8.3 s and 115 MB with the connection's own settings.
# SQLite changes where temporary data goes only outside a transaction.
_SORTING = {"temp_store": "FILE", "threads": "2", "cache_size": "-16384"}


def rebuild_on(engine: Engine, *, holders: Callable[[str], bool] | None = None) -> list[str]:
    """``rebuild`` on a connection set to sort on disk, each index in a transaction of its
    own: a build holds SQLite's write lock throughout (5 s for five million stage rows),
    and a writer waiting behind it gives up after ``busy_timeout`` (10 s)."""
    built: list[str] = []
    if engine.dialect.name != "sqlite":
        return built
    with engine.connect() as connection:
        # Not in a transaction yet: SQLAlchemy begins one at the first statement.
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        before = {name: driver.execute(f"PRAGMA {name}").fetchone()[0] for name in _SORTING}
        _set(driver, _SORTING)
        try:
            while True:
                with connection.begin(), Session(bind=connection) as session:
                    one = rebuild(session, holders=holders, at_most=1)
                if not one:
                    return built
                built += one
        finally:
            _set(driver, before)


def _set(driver: sqlite3.Connection, pragmas: Mapping[str, object]) -> None:
    for name, value in pragmas.items():
        driver.execute(f"PRAGMA {name}={value}")


@contextmanager
def deferred(engine: Engine, names: Sequence[str], *, holder: str) -> Iterator[list[str]]:
    """``names`` dropped for the block (committed with their records) and built again
    when it ends, however it ends, with any that ``holder`` left deferred before (name
    them too: ``held_by``); yields them. If building them fails, they stay recorded for
    the sweep, and the block's own error is not hidden."""
    if not names or engine.dialect.name != "sqlite":
        yield []
        return
    with engine.begin() as connection, Session(bind=connection) as session:
        dropped = defer(session, names, holder=holder)
    try:
        yield dropped
    finally:
        if dropped:
            try:
                rebuild_on(engine, holders=lambda h: h == holder)
            except Exception:
                log.exception("indexes deferred by %s not built again yet: %s", holder, dropped)

"""Many-row INSERTs without SQLAlchemy's per-row work, for the bulk paths (imports)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from datetime import UTC, datetime
from itertools import chain, islice
from typing import Any

from sqlalchemy import Connection, Dialect, Table, func, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from huddle.core.models import UTCDateTime

# What runs while a bulk statement is in the database with the interpreter lock released
# (an import reads its next chunk meanwhile: ``contacts.importing.ahead``); by default,
# nothing.
OverlappingWork = Callable[[], AbstractContextManager[object]]
_overlapping_work: ContextVar[OverlappingWork] = ContextVar("overlapping_work", default=nullcontext)


@contextmanager
def overlap_bulk_statements_with(work: OverlappingWork) -> Iterator[None]:
    """Inside, each long bulk statement runs inside ``work()``: the caller's own work goes
    on meanwhile, in another thread, instead of waiting for the database."""
    token = _overlapping_work.set(work)
    try:
        yield
    finally:
        _overlapping_work.reset(token)


def bulk_statement() -> AbstractContextManager[object]:
    """Wrap a long bulk statement in this: the work given to
    ``overlap_bulk_statements_with`` (if any) runs while the database does."""
    return _overlapping_work.get()()


def reserve_ids(session: Session, table: Table, count: int) -> Sequence[int]:
    """``count`` unused ids of ``table``, ascending, for rows inserted with their id given.

    A bulk insert that knows its ids need not read them back (a query over a unique index
    per row). SQLite: the ids after the largest, which stay free while this transaction
    holds the write lock (every transaction begins IMMEDIATE); they are the ones SQLite
    would give the rows itself. PostgreSQL: taken from the column's sequence, so nobody
    else gets them.
    """
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "sqlite":
        largest = session.execute(select(func.max(table.c.id))).scalar_one()
        start = (largest or 0) + 1
        return range(start, start + count)
    query = text(
        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
    )
    return sorted(session.scalars(query, {"table": table.name, "count": count}))


def executemany_converted(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """One INSERT for many rows, converting values to the driver's form a column at a time.

    What ``session.execute(insert(table), dicts)`` does, minus its per-row work: each
    column's own type converts its values (the same conversion), but each distinct value
    of a column (the chunk's timestamp, an empty JSON object, a flag) is converted once,
    and the rows are turned into columns and back in C, so a bulk import spends far less
    time outside the database. No column default applies: every row gives every column.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=list(columns))
    values: list[Sequence[Any]] = list(zip(*rows, strict=True))
    for index, name in enumerate(columns):
        convert = _bind_converter(table.c[name].type, dialect)
        if convert is not None:
            values[index] = _converted(values[index], convert)
    if compiled.positional:
        order = [list(columns).index(name) for name in compiled.positiontup or ()]
        ordered = [values[i] for i in order]
        if dialect.name == "sqlite":
            _insert_in_blocks(connection, compiled.string, ordered)
        else:
            connection.exec_driver_sql(compiled.string, list(zip(*ordered, strict=True)))
    else:
        names = list(columns)
        connection.exec_driver_sql(
            compiled.string,
            [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)],
        )


# Rows per INSERT: a chunk of an import is a whole number of blocks. Far bigger blocks
# gain nothing and their prepared statement, kept in the driver's cache, grows with them
# (SQLite may allow a great many parameters).
_ROWS_PER_BLOCK = 2_000


def _insert_in_blocks(
    connection: Connection, statement: str, columns: Sequence[Sequence[Any]]
) -> None:
    """SQLite: the rows as INSERTs of many ``VALUES`` groups each, instead of an
    executemany: the driver steps one statement per block instead of one per row. The rows
    left over go through the executemany, so the driver's statement cache holds one block
    statement, not one per size of remainder."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    head, _, group = statement.rpartition(" VALUES ")
    limit = driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    size = max(1, min(_ROWS_PER_BLOCK, limit // len(columns)))
    blocks, _ = divmod(len(columns[0]), size)
    rows = zip(*columns, strict=True)
    if blocks:
        many = f"{head} VALUES {', '.join([group] * size)}"
        for _ in range(blocks):
            values = tuple(chain.from_iterable(islice(rows, size)))
            with bulk_statement():
                connection.exec_driver_sql(many, values)
    rest = list(rows)
    if rest:
        connection.exec_driver_sql(statement, rest)


def _bind_converter(kind: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    if dialect.name == "sqlite" and isinstance(kind, UTCDateTime):
        # A history import brings a distinct moment per row: the type's own steps (to UTC,
        # naive, then SQLite's DATETIME text) cost 10 µs each; this is the same text.
        return _sqlite_utc_text
    return kind.dialect_impl(dialect).bind_processor(dialect)


def _sqlite_utc_text(value: datetime) -> str:
    """What ``UTCDateTime`` stores on SQLite: naive UTC, as SQLAlchemy's SQLite DATETIME
    writes it ("2024-03-14 09:30:00.000000")."""
    if value.tzinfo is UTC:
        # Already UTC (what imports parse to): its text but the offset, without a copy.
        return value.isoformat(" ", "microseconds")[:26]
    return UTCDateTime.for_sqlite(value).isoformat(" ", "microseconds")


def _converted(column: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """``convert`` applied to each value but None, once per distinct value."""
    try:
        done = {value: convert(value) for value in set(column) if value is not None}
        return list(map(done.get, column))  # None is not a key: it stays None
    except TypeError:  # unhashable values (JSON objects): by identity
        by_id = {id(value): value for value in column}
        converted = {key: None if value is None else convert(value) for key, value in by_id.items()}
        return list(map(converted.__getitem__, map(id, column)))

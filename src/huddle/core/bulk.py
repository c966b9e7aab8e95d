"""Many-row INSERTs without SQLAlchemy's per-row work, for the bulk paths (imports)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from datetime import UTC, date, datetime
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
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    shared: Mapping[str, Any] | None = None,
) -> None:
    """One INSERT for many rows, converting values to the driver's form a column at a time.

    What ``session.execute(insert(table), dicts)`` does, minus its per-row work: each
    column's own type converts its values (the same conversion), but a column that holds
    one value in every row (the chunk's timestamp, an empty JSON object, a flag) is
    converted once (and, on SQLite, bound once), and the rows are turned into columns and
    back in C, so a bulk import spends far less time outside the database. ``shared``:
    columns whose value the caller knows every row shares, given once rather than in each
    row. No column default applies: every row gives every column.
    """
    if not rows:
        return
    shared = shared or {}
    connection = session.connection()
    dialect = connection.dialect
    names = [*columns, *shared]
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=names)
    values: list[Sequence[Any]] = list(zip(*rows, strict=True))
    if dialect.name == "sqlite":
        # SQLite's statements are positional: the columns in the statement's order.
        converted = [
            _sqlite_shared(shared[name], table.c[name].type, dialect)
            if name in shared
            else _sqlite_column(values[columns.index(name)], table.c[name].type, dialect)
            for name in compiled.positiontup or ()
        ]
        _insert_in_blocks(connection, compiled.string, converted, len(rows))
        return
    values += [(value,) * len(rows) for value in shared.values()]
    columns = names
    for index, name in enumerate(columns):
        convert = _bind_converter(table.c[name].type, dialect)
        if convert is not None:
            values[index] = _converted(values[index], convert)
    if compiled.positional:
        order = [list(columns).index(name) for name in compiled.positiontup or ()]
        connection.exec_driver_sql(
            compiled.string, list(zip(*[values[i] for i in order], strict=True))
        )
    else:
        names = list(columns)
        connection.exec_driver_sql(
            compiled.string,
            [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)],
        )


class _Same:
    """A column holding one value in every row (already converted): bound once."""

    def __init__(self, value: Any) -> None:
        self.value = value


def _sqlite_column(
    column: Sequence[Any], kind: TypeEngine[Any], dialect: Dialect
) -> Sequence[Any] | _Same:
    """A column's values in the driver's form, or the one value they all are."""
    convert = _bind_converter(kind, dialect)
    if _all_the_same(column):
        first = column[0]
        return _Same(first if convert is None or first is None else convert(first))
    return column if convert is None else _converted(column, convert)


def _sqlite_shared(value: Any, kind: TypeEngine[Any], dialect: Dialect) -> _Same:
    convert = _bind_converter(kind, dialect)
    return _Same(value if convert is None or value is None else convert(value))


def _all_the_same(column: Sequence[Any]) -> bool:
    """Whether every value is the first one, of its very type (1, 1.0 and True are equal,
    but are not bound alike)."""
    first = column[0]
    if column.count(first) != len(column):  # compared in C; identical values at once
        return False
    return first is None or type(first) is str or set(map(type, column)) == {type(first)}


# Rows per INSERT: a chunk of an import is a whole number of blocks. Far bigger blocks
# gain nothing and their prepared statement, kept in the driver's cache, grows with them
# (SQLite may allow a great many parameters).
_ROWS_PER_BLOCK = 2_000


def _insert_in_blocks(
    connection: Connection, statement: str, columns: Sequence[Sequence[Any] | _Same], count: int
) -> None:
    """SQLite: ``count`` rows as INSERTs of many ``VALUES`` groups each, instead of an
    executemany: the driver steps one statement per block instead of one per row. A column
    that holds one value in every row is bound once per block, not once per row
    (``INSERT ... SELECT column1, ?, column2 ... FROM (VALUES ...)``): a history import's
    stage rows share their author and source. The rows left over go through an
    executemany, so the driver's statement cache holds one block statement, not one per
    size of remainder."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    if all(isinstance(column, _Same) for column in columns):
        # Every row alike: the first column goes row by row all the same.
        first = columns[0]
        assert isinstance(first, _Same)
        columns = [[first.value] * count, *columns[1:]]
    varying = [column for column in columns if not isinstance(column, _Same)]
    shared = tuple(column.value for column in columns if isinstance(column, _Same))
    limit = driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) - len(shared)
    size = max(1, min(_ROWS_PER_BLOCK, limit // len(varying)))
    blocks, _ = divmod(count, size)
    rows = zip(*varying, strict=True)
    if blocks:
        many = _block_statement(statement, columns, size)
        for _ in range(blocks):
            values = shared + tuple(chain.from_iterable(islice(rows, size)))
            with bulk_statement():
                connection.exec_driver_sql(many, values)
    rest = [shared + row for row in rows]
    if rest:
        connection.exec_driver_sql(_block_statement(statement, columns, 1), rest)


def _block_statement(statement: str, columns: Sequence[Sequence[Any] | _Same], size: int) -> str:
    """``statement`` (``INSERT INTO t (a, b, c) VALUES (?, ?, ?)``) for ``size`` rows at
    once, the shared columns bound once: ``... SELECT column1, ?, column2 FROM (VALUES
    (?, ?), ...)``."""
    head, _, _ = statement.rpartition(" VALUES ")
    if not any(isinstance(column, _Same) for column in columns):
        group = f"({', '.join('?' * len(columns))})"
        return f"{head} VALUES {', '.join([group] * size)}"
    picked, position = [], 0
    for column in columns:
        if isinstance(column, _Same):
            picked.append("?")
        else:
            position += 1
            picked.append(f"column{position}")
    group = f"({', '.join('?' * position)})"
    # The compiled INSERT's own head, column names and markers: no value is in the text.
    groups = ", ".join([group] * size)
    return f"{head} SELECT {', '.join(picked)} FROM (VALUES {groups})"  # noqa: S608


def _bind_converter(kind: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    if dialect.name == "sqlite" and isinstance(kind, UTCDateTime):
        # A history import brings a distinct moment per row: the type's own steps (to UTC,
        # naive, then SQLite's DATETIME text) cost 10 µs each; this is the same text.
        return _sqlite_utc_text
    return kind.dialect_impl(dialect).bind_processor(dialect)


def _sqlite_utc_text(value: datetime) -> str:
    """What ``UTCDateTime`` stores on SQLite: naive UTC, as SQLAlchemy's SQLite DATETIME
    writes it ("2024-03-14 09:30:00.000000"). Put together from its parts: a moment's
    ``isoformat`` costs about a microsecond here, and a history import writes millions."""
    if value.tzinfo is not UTC:
        value = UTCDateTime.for_sqlite(value)
    micro = value.microsecond
    return (
        _day_text(value.toordinal())
        + _TWO_DIGITS[value.hour]
        + ":"
        + _TWO_DIGITS[value.minute]
        + ":"
        + _TWO_DIGITS[value.second]
        + (f".{micro:06d}" if micro else ".000000")
    )


_TWO_DIGITS = tuple(f"{n:02d}" for n in range(100))
# "2024-03-14 " by ordinal: an import's moments fall on a few thousand days.
_DAY_TEXTS: dict[int, str] = {}
_MOST_DAYS = 100_000


def _day_text(ordinal: int) -> str:
    try:
        return _DAY_TEXTS[ordinal]
    except KeyError:
        if len(_DAY_TEXTS) >= _MOST_DAYS:
            _DAY_TEXTS.clear()
        text = _DAY_TEXTS[ordinal] = f"{date.fromordinal(ordinal).isoformat()} "
        return text


# Values sampled to tell a column of a few distinct values from one of mostly distinct ones.
_SAMPLE = 64


def _converted(column: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """``convert`` applied to each value but None: once per distinct value, unless the
    column's values are mostly distinct (a history's moments), where finding the distinct
    ones first costs more than it saves."""
    sample = column[:_SAMPLE]
    try:
        if len(set(sample)) * 2 > len(sample):
            return [None if value is None else convert(value) for value in column]
        done = {value: convert(value) for value in set(column) if value is not None}
        return list(map(done.get, column))  # None is not a key: it stays None
    except TypeError:  # unhashable values (JSON objects): by identity
        by_id = {id(value): value for value in column}
        converted = {key: None if value is None else convert(value) for key, value in by_id.items()}
        return list(map(converted.__getitem__, map(id, column)))

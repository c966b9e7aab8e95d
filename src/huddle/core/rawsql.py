"""Plain parameterised SQL for the hottest set-at-a-time statements, on both databases.

At thousands of rows a statement, SQLAlchemy's per-row, per-column bind processing costs
more than the database's own work. These statements are fixed SQL text whose values are
all bound parameters, converted here once, the way the column types would store them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import NullType

# What UTCDateTime stores on SQLite: naive UTC text (text order is time order). Formatted
# from the fields: a third cheaper than isoformat() of an aware time cut to 26 characters.
_AT_FORMAT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"


class Driver:
    """The few differences between SQLite and PostgreSQL the raw statements meet. Column
    and table names in the SQL are the caller's constants, never input."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"

    def at(self, value: datetime | None) -> Any:
        if value is None or not self.sqlite:
            return value
        utc = value if value.tzinfo is UTC else value.astimezone(UTC)
        return _AT_FORMAT % (
            utc.year,
            utc.month,
            utc.day,
            utc.hour,
            utc.minute,
            utc.second,
            utc.microsecond,
        )

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, Any]:
        """``column`` in a list passed as ONE parameter (no statement per list length)."""
        if self.sqlite:
            listed = orjson.dumps(list(values)).decode()
            return f"{column} IN (SELECT value FROM json_each(?))", listed  # noqa: S608
        return f"{column} = ANY(%s)", list(values)

    def rows(self, sql: str, params: Any) -> list[Any]:
        """The rows as the driver returns them (tuples): no result processing, no types
        applied, so callers convert what they read."""
        cursor = self.session.connection().connection.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def insert(self, sql: str, params: Any) -> tuple[int, int | None]:
        """Run an INSERT that returns no rows: how many rows it added, and the rowid of the
        last one (SQLite's; None on PostgreSQL)."""
        cursor = self.session.connection().connection.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.rowcount, getattr(cursor, "lastrowid", None)
        finally:
            cursor.close()


# --- the same one-parameter list in Core statements ------------------------------------------


class IdList(TypeDecorator[list[int]]):
    """A list of ids bound as ONE parameter of text: JSON for SQLite's ``json_each``, an
    array literal (``{1,2,3}``) for PostgreSQL's ``= ANY``, cast there to ``bigint[]``.
    Text, as psycopg dumps a Python list element by element: 8,000 ids (a search's
    matches) took it 27 ms, their literal 5 ms."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Sequence[int] | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if dialect.name == "postgresql":
            return "{" + ",".join(map(str, map(int, value))) + "}"
        return orjson.dumps(list(value)).decode()


class in_ids(FunctionElement[Any]):
    """``in_ids(column, bindparam(name, type_=IdList()))``: ``column`` among a list of ids
    bound as one parameter, as ``Driver.in_list`` writes it. An expanding ``IN`` is
    re-rendered into the SQL text on every execution; this statement text stays the same
    for any number of ids, so it is compiled once and, on SQLite, prepared once."""

    type = NullType()  # not Boolean: SQLite would get "... = 1" appended in a WHERE
    inherit_cache = True
    name = "in_ids"


@compiles(in_ids)
def _in_ids_sqlite(element: in_ids, compiler: SQLCompiler, **kw: Any) -> str:
    column, ids = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"{column} IN (SELECT value FROM json_each({ids}))"  # noqa: S608 (compiled SQL)


@compiles(in_ids, "postgresql")
def _in_ids_postgresql(element: in_ids, compiler: SQLCompiler, **kw: Any) -> str:
    column, ids = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"{column} = ANY(CAST({ids} AS BIGINT[]))"


class Prepared:
    """A Core statement compiled once for one dialect and run as its SQL text on the
    driver's cursor, like ``Driver.rows``. SQLAlchemy's execution of even a cached
    statement builds and converts every bound value and sets up a result each time (for a
    4-rule score upsert, 45 values): several times what SQLite takes to run it for one
    contact. Here the statement's constant values are converted once; a call converts only
    the ``values`` it gives, with the column types' own bind processors.

    No expanding parameters (a list goes in one parameter: ``in_ids``) and no Python-side
    column defaults. Rows come as the driver returns them (tuples, no result types applied)."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        if not isinstance(compiled, SQLCompiler) or compiled.post_compile_params:
            raise ValueError("a statement with expanding parameters cannot be prepared")
        if compiled.insert_prefetch or compiled.update_prefetch:
            # Python-side column defaults (``onupdate=utcnow``): SQLAlchemy's execution
            # computes them; give the columns' values in the statement instead.
            raise ValueError("a statement with Python-side column defaults cannot be prepared")
        self.sql = compiled.string
        binds = compiled.binds
        self._processors: dict[str, Callable[[Any], Any] | None] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in binds.items()
        }
        self._constants = {
            name: self._convert(name, bind.effective_value) for name, bind in binds.items()
        }
        self._required = frozenset(name for name, bind in binds.items() if bind.required)
        self._order = tuple(compiled.positiontup or ()) if compiled.positional else None
        self._escaped = dict(compiled.escaped_bind_names)

    def _convert(self, name: str, value: Any) -> Any:
        processor = self._processors[name]
        return value if processor is None else processor(value)

    def params(self, values: Mapping[str, Any]) -> Any:
        """The driver's parameters: ``values`` for the names they give (names this
        statement does not use are ignored), the statement's own values for the rest."""
        missing = self._required - values.keys()
        if missing:
            raise ValueError(f"no value for {', '.join(sorted(missing))}")
        params = dict(self._constants)
        for name, value in values.items():
            if name in params:
                params[name] = self._convert(name, value)
        if self._order is not None:
            return tuple([params[name] for name in self._order])
        return {self._escaped.get(name, name): value for name, value in params.items()}

    def run(self, session: Session, values: Mapping[str, Any]) -> list[Any]:
        """Execute in the session's transaction; the rows, if the statement returns any."""
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(self.sql, self.params(values))
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            cursor.close()


class Fixed:
    """A constant Core statement run as ``Prepared``: compiled on first use per dialect
    (a module builds it at import, before any engine exists)."""

    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        self._prepared: dict[str, Prepared] = {}

    def run(self, session: Session, values: Mapping[str, Any]) -> list[Any]:
        dialect = session.get_bind().dialect
        prepared = self._prepared.get(dialect.name)
        if prepared is None:
            prepared = self._prepared[dialect.name] = Prepared(self._statement, dialect)
        return prepared.run(session, values)

"""Many-row INSERTs without SQLAlchemy's per-row work, for the bulk paths (imports)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def executemany_converted(
    session: Session, table: Table, columns: Sequence[str], rows: list[list[Any]]
) -> None:
    """One INSERT for many rows, converting values to the driver's form a column at a time.

    What ``session.execute(insert(table), dicts)`` does, minus its per-row work: each
    column's own type converts its values (the same conversion), but a value repeated down
    a column (the chunk's timestamp, an empty JSON object, a flag) is converted once. On
    a million-row import this halves the time spent outside the database. ``rows`` are
    converted in place. No column default applies: every row gives every column.
    """
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=list(columns))
    for index, name in enumerate(columns):
        convert = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is None:
            continue
        done: dict[Any, Any] = {}
        shared: dict[int, Any] = {}  # unhashable values (JSON objects) by identity
        for row in rows:
            value = row[index]
            if value is None:
                continue
            try:
                row[index] = done[value]
            except KeyError:
                row[index] = done[value] = convert(value)
            except TypeError:
                key = id(value)
                if key not in shared:
                    shared[key] = convert(value)
                row[index] = shared[key]
    if compiled.positional:
        order = [list(columns).index(name) for name in compiled.positiontup or ()]
        if order != list(range(len(columns))):
            rows = [[row[i] for i in order] for row in rows]
        connection.exec_driver_sql(compiled.string, [tuple(row) for row in rows])
    else:
        connection.exec_driver_sql(
            compiled.string, [dict(zip(columns, row, strict=True)) for row in rows]
        )

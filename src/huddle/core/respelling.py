"""Rewriting stored values into the one spelling Huddle now keeps, from a migration.

A unique column whose values gain a canonical form (emails in Unicode and NFC, Salesforce
ids in 18 characters) is rewritten row by row. A row whose new spelling another row
already holds is left as it is and named in the log: two records of one person are
merged by a person, not by a migration.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from alembic import op

log = logging.getLogger("alembic.runtime.migration")


def respell(
    table: str,
    column: str,
    rows: Iterable[tuple[int, str]],
    canonical: Callable[[str], str | None],
) -> None:
    """Give each (id, value) of ``rows`` its ``canonical`` spelling (None: leave it)."""
    bind = op.get_bind()
    holder = sa.text(f"SELECT id FROM {table} WHERE {column} = :spelled")  # noqa: S608 - fixed names
    update = sa.text(f"UPDATE {table} SET {column} = :spelled WHERE id = :id")  # noqa: S608
    for row_id, value in rows:
        spelled = canonical(value)
        if spelled is None or spelled == value:
            continue
        other = bind.execute(holder, {"spelled": spelled}).scalar()
        if other is not None:
            log.warning(
                "%s %s %r is %s %s's %r: merge them", table, row_id, value, table, other, spelled
            )
            continue
        bind.execute(update, {"spelled": spelled, "id": row_id})

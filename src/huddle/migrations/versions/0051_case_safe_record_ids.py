"""Salesforce record ids kept in their 18-character form

A contact's external id, and an imported deal's (``salesforce:<id>``), given as a
Salesforce 15-character id are now kept as its 18-character form (``core.recordids``),
so that a report's id and an export's find one record. The ids stored before in 15
characters are rewritten; only rows of that length are read. An id whose 18-character
form another row already holds is left as it is and named in the log: two records of one
person are merged by a person, not by a migration.

Revision ID: 0051
Revises: 0050
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from huddle.core.recordids import case_safe
from huddle.core.respelling import respell

revision: str = "0051"
down_revision: str | None = "0050"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _deal_id(value: str) -> str:
    source, colon, record_id = value.partition(":")
    return f"{source}:{case_safe(record_id)}" if colon else value


def _rewrite(table: str, kept: Callable[[str], str], lengths: Sequence[int]) -> None:
    rows = (
        op.get_bind()
        .execute(
            sa.text(
                f"SELECT id, external_id FROM {table} "  # noqa: S608 - fixed names, no input
                "WHERE length(external_id) IN :lengths"
            ).bindparams(sa.bindparam("lengths", expanding=True)),
            {"lengths": list(lengths)},
        )
        .all()
    )
    respell(table, "external_id", rows, kept)


def upgrade() -> None:
    _rewrite("contacts", case_safe, [15])
    # "salesforce:" and "csv:" before the id.
    _rewrite("opportunities", _deal_id, [len("salesforce:") + 15, len("csv:") + 15])


def downgrade() -> None:
    """The 18-character ids stay: the earlier code finds them as any other id."""

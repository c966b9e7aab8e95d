"""contacts (SQLite): the contact search's insert trigger no longer checks a flag

Migration 0046 had the trigger stand aside while ``contact_search_deferred`` held a row,
for an import to index its contacts a chunk at a time. Bulk inserts now set a table's
insert triggers aside themselves and replay them for all their rows at once
(``core.insert_triggers``): a skipped trigger still cost SQLite its program run for every
row. Nothing sets the flag any more, so the trigger is what it was before 0046, and the
flag's table goes.

Revision ID: 0049
Revises: 0048
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0049"
down_revision: str | None = "0048"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXED = (
    "INSERT INTO contact_search (rowid, first_name, last_name, email)"
    " VALUES (new.id, new.first_name, new.last_name, new.email)"
)


def _insert_trigger(when: str) -> None:
    op.execute("DROP TRIGGER contact_search_insert")
    op.execute(
        f"CREATE TRIGGER contact_search_insert AFTER INSERT ON contacts {when}BEGIN {_INDEXED}; END"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _insert_trigger("")
    op.execute("DROP TABLE contact_search_deferred")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE contact_search_deferred (held INTEGER NOT NULL PRIMARY KEY)")
    _insert_trigger("WHEN NOT EXISTS (SELECT 1 FROM contact_search_deferred) ")

"""contacts (SQLite): an import fills the contact search's index a chunk at a time

The trigger that indexes each new contact stands aside while ``contact_search_deferred``
holds a row. A bulk insert holds one for the length of its statements, in its own
transaction (no other connection ever sees it), then indexes its contacts with one
``INSERT ... SELECT``. FTS5 writes what it has gathered at the end of every statement
that reaches it, so through the trigger an import wrote a small segment for each block of
rows it inserted, and merged them; a chunk's contacts indexed together are one segment.
PostgreSQL indexes expressions over the row itself: nothing changes there.

Revision ID: 0046
Revises: 0045
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0046"
down_revision: str | None = "0045"
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
    op.execute("CREATE TABLE contact_search_deferred (held INTEGER NOT NULL PRIMARY KEY)")
    _insert_trigger("WHEN NOT EXISTS (SELECT 1 FROM contact_search_deferred) ")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _insert_trigger("")
    op.execute("DROP TABLE contact_search_deferred")

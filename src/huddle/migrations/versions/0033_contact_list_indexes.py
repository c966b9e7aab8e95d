"""contacts: the indexes the contact list reads its sorts and filters through

By owner (a filter and a sort, read a page at a time per owner: ``(owner_id, id)`` takes
the place of the index on ``owner_id`` alone), by last touch (a sort) and by first-touch
source (a filter). Then the planner's statistics of the table, so the new indexes are
weighed from the first query.

Revision ID: 0033
Revises: 0031
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0033"
down_revision: str | None = "0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW = {
    "ix_contacts_owner_id_id": ["owner_id", "id"],
    "ix_contacts_last_touch_at_id": ["last_touch_at", "id"],
    "ix_contacts_source_id": ["first_touch_source", "id"],
}


def _analyze() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A sampled ANALYZE, as after an import: a fraction of a full one's time.
        op.execute("PRAGMA analysis_limit=1000")
        op.execute("ANALYZE contacts")
    else:
        op.execute("ANALYZE contacts")


def upgrade() -> None:
    for name, columns in _NEW.items():
        op.create_index(name, "contacts", columns)
    op.drop_index("ix_contacts_owner_id", table_name="contacts")
    _analyze()


def downgrade() -> None:
    op.create_index("ix_contacts_owner_id", "contacts", ["owner_id"])
    for name in _NEW:
        op.drop_index(name, table_name="contacts")

"""contacts: each stage but leads in the order of every sortable date and of the last name

A list filtered to a few stages (MQLs and SQLs: 18,006 of a million contacts) and sorted
by a date or the last name found every match through the stage index and sorted them all:
12,733 heap pages on PostgreSQL, 0.1-0.9 s loaded. On ``(lifecycle_stage, <column>, id)``
each stage is one range in the list's order, read only as far as the page (the score has
had its own since 0037). Leads, nine contacts in ten, are left out (``WHERE lifecycle_stage
<> 'lead'``, which the list's queries name word for word so both planners may use them): a
filter on leads reads the sort's own index, and an import of new leads writes none of these.

Revision ID: 0044
Revises: 0043
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0044"
down_revision: str | None = "0043"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


NOT_LEADS = "lifecycle_stage <> 'lead'"
COLUMNS = ("last_name", "created_at", "updated_at", "last_touch_at")


def upgrade() -> None:
    for column in COLUMNS:
        op.create_index(
            f"ix_contacts_stage_{column}_id",
            "contacts",
            ["lifecycle_stage", column, "id"],
            sqlite_where=sa.text(NOT_LEADS),
            postgresql_where=sa.text(NOT_LEADS),
        )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit=1000")  # sampled, as after an import
    op.execute("ANALYZE contacts")


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_contacts_stage_{column}_id", table_name="contacts")

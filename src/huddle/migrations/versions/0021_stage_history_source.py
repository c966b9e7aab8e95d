"""stage_transitions.source: where an imported past move comes from

A contact's history brought from another CRM (an import's stage dates, or the history API)
is recorded with the dates it happened and the file or integration it came from; moves
made in Huddle have none.

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable): no table copy, on SQLite either.
    op.add_column("stage_transitions", sa.Column("source", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stage_transitions") as batch:
        batch.drop_column("source")

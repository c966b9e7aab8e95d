"""opportunities: the source CRM's id of an imported deal

A deal imported from HubSpot or Salesforce keeps the id it has there ("hubspot:1234",
"salesforce:0065g00000AbCdE"), unique, so that importing the same export again updates
the deal instead of adding it twice.

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN and a separate index: a batch copy of ``opportunities`` on SQLite
    # would drop the table, and its contact roles and notes with it (ON DELETE CASCADE).
    op.add_column("opportunities", sa.Column("external_id", sa.String(length=200), nullable=True))
    op.create_index("ix_opportunities_external_id", "opportunities", ["external_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_opportunities_external_id", table_name="opportunities")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_column("external_id")

"""rescore_runs: how many lanes of a run are still working (issue 5's full rescore)

On PostgreSQL a full rescore runs in lanes, side by side, each a chain of chunk jobs over
its own range of contacts; the lane that finishes last marks the run done.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rescore_runs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lanes_open", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("rescore_runs", schema=None) as batch_op:
        batch_op.drop_column("lanes_open")

"""stage_transitions: ids are never handed out again, and the funnel's roll-up is rebuilt

The funnel's roll-up (``funnel_journeys``) takes every stage history row with an id above
its watermark for new. SQLite's plain ``INTEGER PRIMARY KEY`` hands the largest ids out
again once their rows are deleted (a contact deleted or erased takes its history with it),
so the roll-up took the new rows for ones it had seen and left them out. ``AUTOINCREMENT``
never reuses an id (PostgreSQL's sequences never did). The watermark goes back to zero:
the next report rebuilds every journey, whatever an earlier reuse left out.

Revision ID: 0038
Revises: 0033
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0038"
down_revision: str | None = "0033"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rebuild_stage_transitions(*, autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "stage_transitions",
        recreate="always",
        table_kwargs={"sqlite_autoincrement": autoincrement},
    ):
        pass


def upgrade() -> None:
    _rebuild_stage_transitions(autoincrement=True)
    op.execute(sa.text("UPDATE funnel_rollup SET through_id = 0"))


def downgrade() -> None:
    _rebuild_stage_transitions(autoincrement=False)

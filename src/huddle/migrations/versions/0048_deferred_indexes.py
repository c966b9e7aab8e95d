"""core: the indexes a bulk load drops and builds again at its end

A history import's stage dates and created dates reach their indexes in no order; on
SQLite, entry by entry, they cost a million-contact import more than its rows
(``core.deferred_indexes``). The import drops them and builds them once at its end. Each
one dropped is recorded here with its definition, so that one a stopped process left
behind is built again.

Revision ID: 0048
Revises: 0047
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from huddle.core.models import UTCDateTime

revision: str = "0048"
down_revision: str | None = "0047"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deferred_indexes",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("table_name", sa.String(length=200), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("deferred_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_deferred_indexes")),
    )


def downgrade() -> None:
    op.drop_table("deferred_indexes")

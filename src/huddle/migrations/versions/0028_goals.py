"""goals: shared SMART goals (metric, target, period, owner teams, segment)

Revision ID: 0028
Revises: 0029
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models

revision: str = "0028"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("target", sa.Numeric(precision=18, scale=2, asdecimal=False), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("owner_teams", _JSON, nullable=False),
        sa.Column("segment", _JSON, nullable=True),
        sa.Column("created_by_id", _ID, nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_goals_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    op.create_index("ix_goals_metric_ends_on", "goals", ["metric", "ends_on"])


def downgrade() -> None:
    op.drop_index("ix_goals_metric_ends_on", table_name="goals")
    op.drop_table("goals")

"""deal_activity: what happened to each deal (created, changed, moved, closed), for its page

Revision ID: 0027
Revises: 0026
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "deal_activity",
        sa.Column("id", _ID, nullable=False),
        sa.Column("opportunity_id", _ID, nullable=False),
        sa.Column("at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("user_id", _ID, nullable=True),
        sa.Column("detail", huddle.core.models.JSONType, nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_deal_activity_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_deal_activity_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_activity")),
    )
    op.create_index("ix_deal_activity_opportunity_id_at", "deal_activity", ["opportunity_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_deal_activity_opportunity_id_at", table_name="deal_activity")
    op.drop_table("deal_activity")

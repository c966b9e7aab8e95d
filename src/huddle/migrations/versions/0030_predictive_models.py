"""predictive scoring: trained model versions; score models say where their values come
from (rules, or a trained model's probabilities)

Revision ID: 0030
Revises: 0032
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models

revision: str = "0030"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "model_versions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("algorithm", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("horizon_days", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("window_from", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("window_until", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("params", _JSON, nullable=False),
        sa.Column("metrics", _JSON, nullable=False),
        sa.Column("columns", _JSON, nullable=False),
        sa.Column("model_bytes", sa.LargeBinary(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("score_model_id", _ID, nullable=True),
        sa.Column("created_by", _ID, nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_model_versions_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_versions")),
    )
    with op.batch_alter_table("score_models") as batch:
        batch.add_column(
            sa.Column("source", sa.String(length=20), nullable=False, server_default="rules")
        )


def downgrade() -> None:
    with op.batch_alter_table("score_models") as batch:
        batch.drop_column("source")
    op.drop_table("model_versions")

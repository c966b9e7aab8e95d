"""product feedback: the managed list of product features and themes, objections and
feature gaps logged on deals and accounts, and MQL-threshold proposals of the feedback loop

Revision ID: 0029
Revises: 0030
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0029"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=nullable)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "product_features",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        _at("created_at"),
        _at("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_features")),
        sa.UniqueConstraint("name", name=op.f("uq_product_features_name")),
    )
    op.create_table(
        "feedback_items",
        sa.Column("id", _ID, nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("feature_id", _ID, nullable=True),
        sa.Column("opportunity_id", _ID, nullable=True),
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("author_id", _ID, nullable=True),
        _at("created_at"),
        sa.CheckConstraint(
            "kind IN ('objection', 'feature_gap')", name=op.f("ck_feedback_items_kind")
        ),
        sa.CheckConstraint("account_id IS NOT NULL", name=op.f("ck_feedback_items_has_account")),
        _fk("feedback_items", "feature_id", "product_features", "SET NULL"),
        _fk("feedback_items", "opportunity_id", "opportunities", "CASCADE"),
        _fk("feedback_items", "account_id", "accounts", "CASCADE"),
        _fk("feedback_items", "author_id", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_items")),
    )
    for column in ("feature_id", "opportunity_id", "account_id"):
        op.create_index(f"ix_feedback_items_{column}", "feedback_items", [column])
    op.create_table(
        "mql_threshold_proposals",
        sa.Column("id", _ID, nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("score_model_id", _ID, nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("objective", sa.String(length=20), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("expected_per_month", sa.Float(), nullable=False),
        sa.Column("acceptance_percent", sa.Float(), nullable=True),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("created_by_id", _ID, nullable=True),
        _at("created_at"),
        _at("decided_at", nullable=True),
        _fk("mql_threshold_proposals", "created_by_id", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mql_threshold_proposals")),
    )


def downgrade() -> None:
    op.drop_table("mql_threshold_proposals")
    for column in ("feature_id", "opportunity_id", "account_id"):
        op.drop_index(f"ix_feedback_items_{column}", table_name="feedback_items")
    op.drop_table("feedback_items")
    op.drop_table("product_features")

"""workflows: score adjustments (a step's points, summed into the model's total by every
scoring path); SLA clocks that measure a play's task (``sla_clocks.task_id``); the asset
library (content assets, the assets chosen for contacts) and the values a send's template
sees beside the contact's (``email_sends.template_values``)

Revision ID: 0043
Revises: 0040
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0043"
down_revision: str | None = "0042"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_AT = huddle.core.models.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "score_adjustments",
        sa.Column("id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("model_id", _ID, nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("at", _AT, nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_score_adjustments_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["model_id"],
            ["score_models.id"],
            name=op.f("fk_score_adjustments_model_id_score_models"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_adjustments")),
        sa.UniqueConstraint("key", name="uq_score_adjustments_key"),
    )
    op.create_index(
        "ix_score_adjustments_contact_id_model_id",
        "score_adjustments",
        ["contact_id", "model_id"],
    )
    with op.batch_alter_table("sla_clocks") as batch:
        batch.add_column(sa.Column("task_id", _ID, nullable=True))
    with op.batch_alter_table("email_sends") as batch:
        batch.add_column(sa.Column("template_values", huddle.core.models.JSONType, nullable=True))
    _asset_library()


def _asset_library() -> None:
    op.create_table(
        "content_assets",
        sa.Column("id", _ID, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("approved_at", _AT, nullable=True),
        sa.Column("approved_by", sa.String(length=120), nullable=True),
        sa.Column("created_at", _AT, nullable=False),
        sa.Column("updated_at", _AT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_assets")),
        sa.UniqueConstraint("title", name=op.f("uq_content_assets_title")),
    )
    op.create_table(
        "asset_recommendations",
        sa.Column("id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("asset_id", _ID, nullable=False),
        sa.Column("why", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("at", _AT, nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_asset_recommendations_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["content_assets.id"],
            name=op.f("fk_asset_recommendations_asset_id_content_assets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_recommendations")),
        sa.UniqueConstraint("key", name="uq_asset_recommendations_key"),
    )
    op.create_index("ix_asset_recommendations_contact_id", "asset_recommendations", ["contact_id"])


def downgrade() -> None:
    op.drop_table("asset_recommendations")
    op.drop_table("content_assets")
    with op.batch_alter_table("email_sends") as batch:
        batch.drop_column("template_values")
    with op.batch_alter_table("sla_clocks") as batch:
        batch.drop_column("task_id")
    op.drop_table("score_adjustments")

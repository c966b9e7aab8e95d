"""workflows: score adjustments (a step's points, summed into the model's total by every
scoring path); SLA clocks that measure a play's task (``sla_clocks.task_id``)

Revision ID: 0043
Revises: 0040
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0043"
down_revision: str | None = "0040"
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


def downgrade() -> None:
    with op.batch_alter_table("sla_clocks") as batch:
        batch.drop_column("task_id")
    op.drop_table("score_adjustments")

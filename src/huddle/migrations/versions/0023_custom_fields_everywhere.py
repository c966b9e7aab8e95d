"""custom fields can be archived; score models can be scoped to a segment

An archived custom field keeps its values and the rules that test it, but is no longer
offered for new ones. A score model's ``segment`` is a condition over the record: contacts
outside it get no score from the model (null: every contact).

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "custom_field_definitions",
        sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("score_models", sa.Column("segment", huddle.core.models.JSONType, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("score_models", schema=None) as batch_op:
        batch_op.drop_column("segment")
    with op.batch_alter_table("custom_field_definitions", schema=None) as batch_op:
        batch_op.drop_column("archived")

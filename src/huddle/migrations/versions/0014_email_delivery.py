"""email_delivery: whether sending email is paused because the SMTP server cannot be reached

One row (id 1). While ``paused_since`` is set, the outbox keeps its messages and a check
job tries the server again with back-off; admins see a banner on every page.

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when(name: str) -> sa.Column[object]:
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=True)


def upgrade() -> None:
    table = op.create_table(
        "email_delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        _when("paused_since"),
        sa.Column("smtp_address", sa.String(length=300), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("checks", sa.Integer(), nullable=False, server_default="0"),
        _when("next_check_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_delivery")),
    )
    # The one row every pause and resume updates in place (atomically, on both databases).
    op.bulk_insert(table, [{"id": 1, "checks": 0}])


def downgrade() -> None:
    op.drop_table("email_delivery")

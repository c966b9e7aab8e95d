"""touches: the contact index also carries the type (issue 4's ingest speed)

Scoring the contacts a batch of touches reached reads each one's touches of the rules'
types by (contact_id, occurred_at); with ``type`` in the index those reads need no row.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.create_index(
            "ix_touches_contact_id_occurred_at_type",
            ["contact_id", "occurred_at", "type"],
            unique=False,
        )
        batch_op.drop_index("ix_touches_contact_id_occurred_at")


def downgrade() -> None:
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.create_index(
            "ix_touches_contact_id_occurred_at", ["contact_id", "occurred_at"], unique=False
        )
        batch_op.drop_index("ix_touches_contact_id_occurred_at_type")

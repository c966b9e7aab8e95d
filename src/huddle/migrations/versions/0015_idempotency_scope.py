"""touches: idempotency keys belong to their sender, with the fingerprint of what was sent

The global unique key becomes unique per (sender, key), and each keyed touch keeps the
sha256 of its delivery, so a replay with another payload can be told from a retry.
No rows are rewritten: keys stored before have no sender (NULL), which no later delivery
matches, and the new unique index is all a lookup reads (also at millions of touches). On
SQLite dropping the old inline UNIQUE rebuilds the table once (a copy of every row).

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("idempotency_scope", sa.String(length=80), nullable=True))
        batch_op.add_column(
            sa.Column("idempotency_fingerprint", sa.String(length=64), nullable=True)
        )
        batch_op.drop_constraint("uq_touches_idempotency_key", type_="unique")
        batch_op.create_unique_constraint(
            "uq_touches_idempotency_scope_idempotency_key",
            ["idempotency_scope", "idempotency_key"],
        )


def downgrade() -> None:
    # Keys are unique per sender only: two senders' equal keys cannot go back under one
    # global unique key. The later of each such pair loses its key (its touch stays).
    op.execute(
        "UPDATE touches SET idempotency_key = NULL WHERE idempotency_key IS NOT NULL AND id > "
        "(SELECT min(t.id) FROM touches AS t WHERE t.idempotency_key = touches.idempotency_key)"
    )
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.drop_constraint("uq_touches_idempotency_scope_idempotency_key", type_="unique")
        batch_op.create_unique_constraint("uq_touches_idempotency_key", ["idempotency_key"])
        batch_op.drop_column("idempotency_fingerprint")
        batch_op.drop_column("idempotency_scope")

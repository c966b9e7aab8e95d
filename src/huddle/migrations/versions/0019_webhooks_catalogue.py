"""webhooks: the catalogue's events each subscribes to; deliveries: their attempts

A webhook lists the domain events it is sent (the catalogue); the ones that exist keep what
they received until now, every notification (``notification.created``). A delivery records
its tries, the last error and when it is tried next: the delivery log (one delivered before
counts as tried once).

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DELIVERY_COLUMNS: tuple[tuple[str, Any, dict[str, Any]], ...] = (
    ("attempts", sa.Integer(), {"nullable": False, "server_default": "0"}),
    ("last_error", sa.String(length=500), {}),
    ("next_attempt_at", huddle.core.models.UTCDateTime(timezone=True), {}),
)


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch copy of ``webhooks`` on SQLite would drop the old table, and
    # its deliveries with it (ON DELETE CASCADE).
    op.add_column(
        "webhooks",
        sa.Column(
            "events",
            huddle.core.models.JSONType,
            nullable=False,
            server_default=sa.text("'[\"notification.created\"]'"),
        ),
    )
    for name, kind, options in _DELIVERY_COLUMNS:
        op.add_column("webhook_deliveries", sa.Column(name, kind, **{"nullable": True, **options}))
    # A delivery made before the log counted tries was tried once, and it worked.
    op.execute("UPDATE webhook_deliveries SET attempts = 1 WHERE status = 'delivered'")


def downgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        for name, _, _ in reversed(_DELIVERY_COLUMNS):
            batch_op.drop_column(name)
    op.drop_column("webhooks", "events")

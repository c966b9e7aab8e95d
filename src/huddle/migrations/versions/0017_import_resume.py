"""import_jobs: the encoding a file is read in, and what resuming an interrupted import needs

An import commits its position (the line the next unread row starts on, and how long its
error report was) with each chunk, and records which process runs it, so an import whose
process died is seen as interrupted and can go on from its last committed chunk.

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS: tuple[tuple[str, Any, dict[str, Any]], ...] = (
    ("encoding", sa.String(length=20), {}),
    ("invalid_lines", sa.Integer(), {"nullable": False, "server_default": "0"}),
    ("source_path", sa.String(length=1000), {}),
    ("report_path", sa.String(length=1000), {}),
    ("resume_line", sa.Integer(), {}),
    ("report_bytes", sa.BigInteger(), {"nullable": False, "server_default": "0"}),
    ("runner", sa.String(length=200), {}),
    ("heartbeat_at", huddle.core.models.UTCDateTime(timezone=True), {}),
    ("stop_reason", sa.String(length=500), {}),
)


def upgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        for name, kind, options in _COLUMNS:
            batch_op.add_column(sa.Column(name, kind, **{"nullable": True, **options}))


def downgrade() -> None:
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        for name, _, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)

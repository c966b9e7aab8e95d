"""audit trail and privacy (issue 3)

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# Append-only in the database too: whatever code runs, a row of the trail cannot be deleted.
# (Updates stay possible: erasure scrubs personal values out of old entries.)
_NO_DELETE_SQLITE = """
CREATE TRIGGER audit_entries_append_only BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END
"""
_NO_DELETE_FUNCTION_PG = """
CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit entries are append-only'; END
$$ LANGUAGE plpgsql
"""
_NO_DELETE_TRIGGER_PG = """
CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR TRUNCATE ON audit_entries
FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
"""


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", _ID, nullable=False),
        sa.Column("at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_kind", sa.String(length=20), nullable=False),
        sa.Column("actor_user_id", _ID, nullable=True),
        sa.Column("actor_token_id", _ID, nullable=True),
        sa.Column("actor_label", sa.String(length=200), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("subject_type", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "changes",
            sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql"),
            nullable=False,
        ),
        sa.Column("ip", sa.String(length=45), nullable=True),
        sa.Column("user_agent", sa.String(length=400), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entries_at_id", ["at", "id"], unique=False)
        batch_op.create_index(
            "ix_audit_entries_subject_at", ["subject_type", "subject_id", "at"], unique=False
        )
        batch_op.create_index(
            "ix_audit_entries_actor_user_id_at", ["actor_user_id", "at"], unique=False
        )
        batch_op.create_index("ix_audit_entries_action_at", ["action", "at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_NO_DELETE_FUNCTION_PG)
        op.execute(_NO_DELETE_TRIGGER_PG)
    else:
        op.execute(_NO_DELETE_SQLITE)


def downgrade() -> None:
    op.execute(
        "DROP TRIGGER IF EXISTS audit_entries_append_only"
        + (" ON audit_entries" if op.get_bind().dialect.name == "postgresql" else "")
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_entries_append_only()")
    op.drop_table("audit_entries")

"""import_uploads: files uploaded to the import wizard; import_mappings: mappings saved by name

The wizard stores an upload once and names it by an unguessable token that only its
uploader may use; a mapping saved by name is offered again for files with its columns.

Revision ID: 0024
Revises: 0023
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "import_uploads",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mapping", _JSON, nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_import_uploads_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_import_uploads")),
    )
    op.create_index("ix_import_uploads_created_at", "import_uploads", ["created_at"])
    op.create_table(
        "import_mappings",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("mapping", _JSON, nullable=False),
        sa.Column("by_user_id", _ID, nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_import_mappings_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint("name", name=op.f("uq_import_mappings_name")),
    )


def downgrade() -> None:
    op.drop_table("import_mappings")
    op.drop_index("ix_import_uploads_created_at", table_name="import_uploads")
    op.drop_table("import_uploads")

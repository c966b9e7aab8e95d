"""credentials — revoked tokens say why, password reset links, secret outbox bodies

API tokens keep why they were revoked (by hand, deactivation, a password change or
reset). ``password_resets`` holds every "forgot password" request (the rate limit) and the
sha256 of the one-time link sent for it. An outbox email whose body holds such a link is
blanked once sent (``body_secret``).

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, *, nullable: bool = False) -> sa.Column:
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("revoked_reason", sa.String(length=40), nullable=True))
    with op.batch_alter_table("outbound_emails") as batch:
        batch.add_column(
            sa.Column("body_secret", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "password_resets",
        sa.Column("id", _ID, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        _at("requested_at"),
        sa.Column("user_id", _ID, nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        _at("expires_at", nullable=True),
        _at("ended_at", nullable=True),
        sa.Column("ended_reason", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_password_resets_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_resets")),
    )
    op.create_index(
        "ix_password_resets_email_requested_at", "password_resets", ["email", "requested_at"]
    )
    op.create_index("ix_password_resets_ip_requested_at", "password_resets", ["ip", "requested_at"])
    op.create_index(op.f("ix_password_resets_user_id"), "password_resets", ["user_id"])


def downgrade() -> None:
    op.drop_table("password_resets")
    with op.batch_alter_table("outbound_emails") as batch:
        batch.drop_column("body_secret")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("revoked_reason")

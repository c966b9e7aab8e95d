"""mailing: email templates, the send log and the suppression list

Revision ID: 0032
Revises: 0027
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0032"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, *, nullable: bool = False) -> sa.Column:
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "email_templates",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("html_body", sa.Text(), nullable=False),
        sa.Column("text_body", sa.Text(), nullable=True),
        _at("created_at"),
        _at("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_email_templates_name")),
    )
    op.create_table(
        "email_sends",
        sa.Column("id", _ID, nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("template_id", _ID, nullable=True),
        sa.Column("contact_id", _ID, nullable=True),
        sa.Column("test_to", sa.String(length=320), nullable=True),
        sa.Column("is_test", sa.Boolean(), nullable=False),
        sa.Column("to_address", sa.String(length=320), nullable=True),
        sa.Column("domain", sa.String(length=253), nullable=True),
        sa.Column("subject", sa.String(length=500), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("message_id", sa.String(length=300), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _at("created_at"),
        _at("started_at", nullable=True),
        _at("sent_at", nullable=True),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["email_templates.id"],
            name=op.f("fk_email_sends_template_id_email_templates"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_email_sends_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_sends")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_email_sends_idempotency_key")),
    )
    op.create_index("ix_email_sends_created_at_id", "email_sends", ["created_at", "id"])
    op.create_index("ix_email_sends_started_at", "email_sends", ["started_at"])
    op.create_index("ix_email_sends_domain_started_at", "email_sends", ["domain", "started_at"])
    op.create_table(
        "email_suppressions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=False),
        _at("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_suppressions")),
        sa.UniqueConstraint("email", name=op.f("uq_email_suppressions_email")),
    )


def downgrade() -> None:
    op.drop_table("email_suppressions")
    op.drop_index("ix_email_sends_domain_started_at", table_name="email_sends")
    op.drop_index("ix_email_sends_started_at", table_name="email_sends")
    op.drop_index("ix_email_sends_created_at_id", table_name="email_sends")
    op.drop_table("email_sends")
    op.drop_table("email_templates")

"""the SLA documents calendars and clocks (issue 6)

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _at(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg,unused-ignore]
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=nullable)


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "sla_calendars",
        sa.Column("id", _ID, nullable=False),
        sa.Column("scope", sa.String(length=60), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("hours", _JSON, nullable=False),
        sa.Column("holidays", _JSON, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _pk("sla_calendars", "id"),
        sa.UniqueConstraint("scope", name=op.f("uq_sla_calendars_scope")),
    )
    op.create_table(
        "sla_versions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("terms", _JSON, nullable=False),
        sa.Column("based_on_id", _ID, nullable=True),
        sa.Column("created_by_id", _ID, nullable=True),
        _at("created_at"),
        _at("updated_at"),
        _at("activated_at", nullable=True),
        _at("archived_at", nullable=True),
        _fk("sla_versions", "based_on_id", "sla_versions", "SET NULL"),
        _fk("sla_versions", "created_by_id", "users", "SET NULL"),
        _pk("sla_versions", "id"),
        sa.UniqueConstraint("number", name=op.f("uq_sla_versions_number")),
    )
    op.create_index(
        "uq_sla_versions_one_active",
        "sla_versions",
        ["status"],
        unique=True,
        sqlite_where=sa.text("status = 'active'"),
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_table(
        "sla_signatures",
        sa.Column("id", _ID, nullable=False),
        sa.Column("version_id", _ID, nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("user_id", _ID, nullable=True),
        _at("signed_at"),
        _fk("sla_signatures", "version_id", "sla_versions", "CASCADE"),
        _fk("sla_signatures", "user_id", "users", "SET NULL"),
        _pk("sla_signatures", "id"),
        sa.UniqueConstraint(
            "version_id", "side", "user_id", name=op.f("uq_sla_signatures_version_id_side_user_id")
        ),
    )
    op.create_table(
        "sla_clocks",
        sa.Column("id", _ID, nullable=False),
        sa.Column("version_id", _ID, nullable=False),
        sa.Column("term_key", sa.String(length=60), nullable=False),
        sa.Column("term_kind", sa.String(length=30), nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("owner_id", _ID, nullable=True),
        sa.Column("team", sa.String(length=40), nullable=True),
        sa.Column("handoff_id", _ID, nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        _at("started_at"),
        sa.Column("business_seconds", sa.Integer(), nullable=False),
        sa.Column("remaining_seconds", sa.Integer(), nullable=True),
        _at("due_at", nullable=True),
        _at("warn_at", nullable=True),
        sa.Column("target_count", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("pausable", sa.Boolean(), nullable=False),
        _at("paused_at", nullable=True),
        sa.Column("paused_intervals", _JSON, nullable=False),
        _at("warned_at", nullable=True),
        _at("breached_at", nullable=True),
        _at("stopped_at", nullable=True),
        _fk("sla_clocks", "version_id", "sla_versions", "CASCADE"),
        _fk("sla_clocks", "contact_id", "contacts", "CASCADE"),
        _fk("sla_clocks", "owner_id", "users", "SET NULL"),
        _pk("sla_clocks", "id"),
    )
    op.create_index("ix_sla_clocks_state_due_at", "sla_clocks", ["state", "due_at"])
    op.create_index("ix_sla_clocks_state_warn_at", "sla_clocks", ["state", "warn_at"])
    op.create_index("ix_sla_clocks_contact_id_state", "sla_clocks", ["contact_id", "state"])
    op.create_index("ix_sla_clocks_owner_id_state", "sla_clocks", ["owner_id", "state"])
    op.create_index("ix_sla_clocks_term_key_started_at", "sla_clocks", ["term_key", "started_at"])
    op.create_index("ix_sla_clocks_started_at", "sla_clocks", ["started_at"])
    op.create_table(
        "sla_clock_events",
        sa.Column("id", _ID, nullable=False),
        sa.Column("clock_id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        _at("at"),
        sa.Column("detail", sa.String(length=500), nullable=True),
        _fk("sla_clock_events", "clock_id", "sla_clocks", "CASCADE"),
        _fk("sla_clock_events", "contact_id", "contacts", "CASCADE"),
        _pk("sla_clock_events", "id"),
    )
    op.create_index("ix_sla_clock_events_contact_id_at", "sla_clock_events", ["contact_id", "at"])
    op.create_index("ix_sla_clock_events_clock_id", "sla_clock_events", ["clock_id"])


def downgrade() -> None:
    op.drop_table("sla_clock_events")
    op.drop_table("sla_clocks")
    op.drop_table("sla_signatures")
    op.drop_index("uq_sla_versions_one_active", table_name="sla_versions")
    op.drop_table("sla_versions")
    op.drop_table("sla_calendars")

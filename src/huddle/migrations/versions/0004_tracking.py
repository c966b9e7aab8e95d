"""tracking — sites, forms, event types, visitors (issue 4)

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models
from huddle.tracking.defaults import DEFAULT_EVENT_TYPES

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "tracking_sites",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("site_key", sa.String(length=40), nullable=False),
        sa.Column("allowed_origins", _JSON, nullable=False),
        sa.Column("allowed_redirects", _JSON, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_sites")),
        sa.UniqueConstraint("site_key", name=op.f("uq_tracking_sites_site_key")),
    )
    op.create_table(
        "tracking_forms",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_id", _ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("form_key", sa.String(length=40), nullable=False),
        sa.Column("fields", _JSON, nullable=False),
        sa.Column("consent_field", sa.String(length=60), nullable=True),
        sa.Column("consent_text", sa.Text(), nullable=True),
        sa.Column("thank_you_url", sa.String(length=2000), nullable=False),
        sa.Column("honeypot_field", sa.String(length=60), nullable=False),
        sa.Column("min_fill_seconds", sa.Integer(), nullable=False),
        _at("created_at"),
        _at("updated_at"),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["tracking_sites.id"],
            name=op.f("fk_tracking_forms_site_id_tracking_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_forms")),
        sa.UniqueConstraint("form_key", name=op.f("uq_tracking_forms_form_key")),
    )
    op.create_index("ix_tracking_forms_site_id", "tracking_forms", ["site_id"])
    event_types = op.create_table(
        "tracking_event_types",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("identifies", sa.Boolean(), nullable=False),
        sa.Column("creates_contacts", sa.Boolean(), nullable=False),
        sa.Column("properties_schema", _JSON, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_event_types")),
        sa.UniqueConstraint("name", name=op.f("uq_tracking_event_types_name")),
    )
    op.create_table(
        "tracking_visitors",
        sa.Column("visitor_id", sa.String(length=64), nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        _at("identified_at"),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_tracking_visitors_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visitor_id", name=op.f("pk_tracking_visitors")),
    )
    op.create_index("ix_tracking_visitors_contact_id", "tracking_visitors", ["contact_id"])
    now = huddle.core.models.utcnow()
    op.bulk_insert(
        event_types,
        [
            {
                "name": name,
                "label": label,
                "category": category,
                "identifies": identifies,
                "creates_contacts": creates,
                "properties_schema": schema,
                "created_at": now,
                "updated_at": now,
            }
            for name, label, category, identifies, creates, schema in DEFAULT_EVENT_TYPES
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_tracking_visitors_contact_id", table_name="tracking_visitors")
    op.drop_table("tracking_visitors")
    op.drop_table("tracking_event_types")
    op.drop_index("ix_tracking_forms_site_id", table_name="tracking_forms")
    op.drop_table("tracking_forms")
    op.drop_table("tracking_sites")

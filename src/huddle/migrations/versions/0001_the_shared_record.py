"""the shared record

Revision ID: 0001
Revises:
Create Date: 2026-11-22 17:54:03.947512
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models
from huddle.lifecycle.stages import DEFAULT_REJECTION_REASONS, DEFAULT_TRANSITIONS

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "allowed_transitions",
        sa.Column("from_stage", sa.String(length=30), nullable=False),
        sa.Column("to_stage", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("from_stage", "to_stage", name=op.f("pk_allowed_transitions")),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("utm_campaign", sa.String(length=200), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("budget", sa.Numeric(precision=14, scale=2, asdecimal=False), nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
        sa.UniqueConstraint("utm_campaign", name=op.f("uq_campaigns_utm_campaign")),
    )
    op.create_table(
        "custom_field_definitions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("field_type", sa.String(length=20), nullable=False),
        sa.Column(
            "choices",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_field_definitions")),
        sa.UniqueConstraint("entity", "key", name=op.f("uq_custom_field_definitions_entity_key")),
    )
    op.create_table(
        "enrichment_companies",
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("industry", sa.String(length=120), nullable=True),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column(
            "annual_revenue", sa.Numeric(precision=18, scale=2, asdecimal=False), nullable=True
        ),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column(
            "technologies",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("domain", name=op.f("pk_enrichment_companies")),
    )
    op.create_table(
        "rejection_reasons",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_rejection_reasons")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "manager_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["users.id"],
            name=op.f("fk_users_manager_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=True),
        sa.Column("industry", sa.String(length=120), nullable=True),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column(
            "annual_revenue", sa.Numeric(precision=18, scale=2, asdecimal=False), nullable=True
        ),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column(
            "technologies",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("owner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("is_target", sa.Boolean(), nullable=False),
        sa.Column(
            "custom",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "enriched_fields",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_accounts_owner_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("domain", name=op.f("uq_accounts_domain")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index("ix_accounts_name", ["name"], unique=False)
        batch_op.create_index("ix_accounts_owner_id", ["owner_id"], unique=False)

    op.create_table(
        "import_jobs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_format", sa.String(length=30), nullable=False),
        sa.Column(
            "mapping",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("rows_created", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_unchanged", sa.Integer(), nullable=False),
        sa.Column("rows_failed", sa.Integer(), nullable=False),
        sa.Column("error_file", sa.String(length=1000), nullable=True),
        sa.Column(
            "by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("started_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_import_jobs_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_jobs")),
    )
    op.create_table(
        "merge_records",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column(
            "survivor_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "merged_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "merged_snapshot",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "resolution",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_merge_records_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_records")),
    )
    with op.batch_alter_table("merge_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_merge_records_entity_merged_id", ["entity", "merged_id"], unique=False
        )

    op.create_table(
        "saved_views",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("owner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column(
            "filters",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_saved_views_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_views")),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("first_name", sa.String(length=120), nullable=True),
        sa.Column("last_name", sa.String(length=120), nullable=True),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.Column("seniority", sa.String(length=60), nullable=True),
        sa.Column("department", sa.String(length=120), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("owner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("lifecycle_stage", sa.String(length=30), nullable=False),
        sa.Column(
            "stage_entered_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("email_opt_in", sa.String(length=20), nullable=False),
        sa.Column("do_not_email", sa.Boolean(), nullable=False),
        sa.Column("do_not_call", sa.Boolean(), nullable=False),
        sa.Column("first_touch_source", sa.String(length=200), nullable=True),
        sa.Column("first_touch_medium", sa.String(length=200), nullable=True),
        sa.Column("first_touch_campaign", sa.String(length=200), nullable=True),
        sa.Column("first_touch_referrer", sa.String(length=2000), nullable=True),
        sa.Column("first_touch_landing_page", sa.String(length=2000), nullable=True),
        sa.Column("first_touch_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_touch_source", sa.String(length=200), nullable=True),
        sa.Column("last_touch_medium", sa.String(length=200), nullable=True),
        sa.Column("last_touch_campaign", sa.String(length=200), nullable=True),
        sa.Column("last_touch_referrer", sa.String(length=2000), nullable=True),
        sa.Column("last_touch_landing_page", sa.String(length=2000), nullable=True),
        sa.Column("last_touch_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "custom",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_contacts_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_contacts_owner_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("email", name=op.f("uq_contacts_email")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_account_id", ["account_id"], unique=False)
        batch_op.create_index("ix_contacts_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_contacts_last_name_id", ["last_name", "id"], unique=False)
        batch_op.create_index("ix_contacts_owner_id", ["owner_id"], unique=False)
        batch_op.create_index("ix_contacts_score_id", ["score", "id"], unique=False)
        batch_op.create_index("ix_contacts_stage_id", ["lifecycle_stage", "id"], unique=False)
        batch_op.create_index("ix_contacts_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "consent_changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("old_value", sa.String(length=20), nullable=True),
        sa.Column("new_value", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("text_shown", sa.Text(), nullable=True),
        sa.Column(
            "by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_consent_changes_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_consent_changes_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_changes")),
    )
    with op.batch_alter_table("consent_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consent_changes_contact_id_at", ["contact_id", "at"], unique=False
        )

    op.create_table(
        "opportunities",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "primary_contact_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("amount", sa.Numeric(precision=18, scale=2, asdecimal=False), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("expected_close_date", sa.Date(), nullable=True),
        sa.Column("pipeline_stage", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("closed_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lost_reason", sa.Text(), nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_opportunities_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_opportunities_owner_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["primary_contact_id"],
            ["contacts.id"],
            name=op.f("fk_opportunities_primary_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
    )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index("ix_opportunities_account_id", ["account_id"], unique=False)
        batch_op.create_index("ix_opportunities_owner_id", ["owner_id"], unique=False)
        batch_op.create_index("ix_opportunities_pipeline_stage", ["pipeline_stage"], unique=False)
        batch_op.create_index(
            "ix_opportunities_primary_contact_id", ["primary_contact_id"], unique=False
        )

    op.create_table(
        "stage_transitions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("from_stage", sa.String(length=30), nullable=True),
        sa.Column("to_stage", sa.String(length=30), nullable=False),
        sa.Column("at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("by_rule", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("rejection_reason", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["users.id"],
            name=op.f("fk_stage_transitions_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_stage_transitions_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rejection_reason"],
            ["rejection_reasons.code"],
            name=op.f("fk_stage_transitions_rejection_reason_rejection_reasons"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_transitions")),
    )
    with op.batch_alter_table("stage_transitions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stage_transitions_contact_id_at", ["contact_id", "at"], unique=False
        )
        batch_op.create_index("ix_stage_transitions_to_stage_at", ["to_stage", "at"], unique=False)

    op.create_table(
        "touches",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("occurred_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("visitor_id", sa.String(length=64), nullable=True),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("actor_type", sa.String(length=20), nullable=False),
        sa.Column(
            "actor_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "properties",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("asset_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "workflow_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("idempotency_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "contact_id IS NOT NULL OR visitor_id IS NOT NULL", name=op.f("ck_touches_has_subject")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_touches_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["users.id"],
            name=op.f("fk_touches_actor_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_touches_campaign_id_campaigns"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_touches_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_touches")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_touches_idempotency_key")),
    )
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.create_index(
            "ix_touches_account_id_occurred_at", ["account_id", "occurred_at"], unique=False
        )
        batch_op.create_index(
            "ix_touches_contact_id_occurred_at", ["contact_id", "occurred_at"], unique=False
        )
        batch_op.create_index("ix_touches_type_occurred_at", ["type", "occurred_at"], unique=False)
        batch_op.create_index("ix_touches_visitor_id", ["visitor_id"], unique=False)

    op.create_table(
        "notes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "opportunity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("author_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "mentioned_user_ids",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN contact_id IS NULL THEN 0 ELSE 1 END + CASE WHEN account_id IS NULL THEN 0 ELSE 1 END + CASE WHEN opportunity_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_notes_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_notes_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_notes_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_notes_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_notes_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index("ix_notes_account_id", ["account_id"], unique=False)
        batch_op.create_index("ix_notes_contact_id", ["contact_id"], unique=False)
        batch_op.create_index("ix_notes_opportunity_id", ["opportunity_id"], unique=False)

    op.create_table(
        "opportunity_contacts",
        sa.Column(
            "opportunity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("role", sa.String(length=60), nullable=False),
        sa.Column("added_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_opportunity_contacts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_opportunity_contacts_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "opportunity_id", "contact_id", name=op.f("pk_opportunity_contacts")
        ),
    )
    with op.batch_alter_table("opportunity_contacts", schema=None) as batch_op:
        batch_op.create_index("ix_opportunity_contacts_contact_id", ["contact_id"], unique=False)

    op.create_table(
        "jobs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=80), nullable=False),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("run_after", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("locked_by", sa.String(length=120), nullable=True),
        sa.Column("lease_until", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index("ix_jobs_status_run_after", ["status", "run_after"], unique=False)

    # The defaults a new installation starts with; later changes to them need a data
    # migration of their own, since this one has already run everywhere.
    transitions = sa.table("allowed_transitions", sa.column("from_stage"), sa.column("to_stage"))
    op.bulk_insert(transitions, [{"from_stage": a, "to_stage": b} for a, b in DEFAULT_TRANSITIONS])
    reasons = sa.table(
        "rejection_reasons",
        sa.column("code"),
        sa.column("label"),
        sa.column("active", sa.Boolean),
        sa.column("position", sa.Integer),
    )
    op.bulk_insert(
        reasons,
        [
            {"code": code, "label": label, "active": True, "position": i}
            for i, (code, label) in enumerate(DEFAULT_REJECTION_REASONS)
        ],
    )


def downgrade() -> None:
    op.drop_table("jobs")

    with op.batch_alter_table("opportunity_contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_opportunity_contacts_contact_id")

    op.drop_table("opportunity_contacts")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_opportunity_id")
        batch_op.drop_index("ix_notes_contact_id")
        batch_op.drop_index("ix_notes_account_id")

    op.drop_table("notes")
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.drop_index("ix_touches_visitor_id")
        batch_op.drop_index("ix_touches_type_occurred_at")
        batch_op.drop_index("ix_touches_contact_id_occurred_at")
        batch_op.drop_index("ix_touches_account_id_occurred_at")

    op.drop_table("touches")
    with op.batch_alter_table("stage_transitions", schema=None) as batch_op:
        batch_op.drop_index("ix_stage_transitions_to_stage_at")
        batch_op.drop_index("ix_stage_transitions_contact_id_at")

    op.drop_table("stage_transitions")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index("ix_opportunities_primary_contact_id")
        batch_op.drop_index("ix_opportunities_pipeline_stage")
        batch_op.drop_index("ix_opportunities_owner_id")
        batch_op.drop_index("ix_opportunities_account_id")

    op.drop_table("opportunities")
    with op.batch_alter_table("consent_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_changes_contact_id_at")

    op.drop_table("consent_changes")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_updated_at_id")
        batch_op.drop_index("ix_contacts_stage_id")
        batch_op.drop_index("ix_contacts_score_id")
        batch_op.drop_index("ix_contacts_owner_id")
        batch_op.drop_index("ix_contacts_last_name_id")
        batch_op.drop_index("ix_contacts_created_at_id")
        batch_op.drop_index("ix_contacts_account_id")

    op.drop_table("contacts")
    op.drop_table("saved_views")
    with op.batch_alter_table("merge_records", schema=None) as batch_op:
        batch_op.drop_index("ix_merge_records_entity_merged_id")

    op.drop_table("merge_records")
    op.drop_table("import_jobs")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index("ix_accounts_owner_id")
        batch_op.drop_index("ix_accounts_name")

    op.drop_table("accounts")
    op.drop_table("users")
    op.drop_table("rejection_reasons")
    op.drop_table("enrichment_companies")
    op.drop_table("custom_field_definitions")
    op.drop_table("campaigns")
    op.drop_table("allowed_transitions")

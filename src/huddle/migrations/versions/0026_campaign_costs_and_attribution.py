"""campaigns: cost entries, UTM rules, the closed set of channels; touches: the index
attribution reads a deal's campaign touches from

Channels written before the set was closed are renamed to their place in it (``event`` →
``events``, ``organic`` → ``organic_social``, ``referral`` → ``partner``); any other
unknown channel becomes ``other``.

Revision ID: 0026
Revises: 0025
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_RENAMED = (("event", "events"), ("organic", "organic_social"), ("referral", "partner"))
_CHANNELS = (
    "email",
    "paid_search",
    "paid_social",
    "organic_social",
    "events",
    "webinar",
    "content",
    "partner",
    "direct_mail",
    "outbound",
    "other",
)
_CAMPAIGN_PATH = "campaign_id IS NOT NULL"


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "campaign_costs",
        sa.Column("id", _ID, nullable=False),
        sa.Column("campaign_id", _ID, nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2, asdecimal=False), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        _fk("campaign_costs", "campaign_id", "campaigns"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_costs")),
    )
    op.create_index(
        "ix_campaign_costs_campaign_id_spent_on", "campaign_costs", ["campaign_id", "spent_on"]
    )
    op.create_table(
        "campaign_utm_rules",
        sa.Column("id", _ID, nullable=False),
        sa.Column("campaign_id", _ID, nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("operator", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "field IN ('utm_source', 'utm_medium', 'utm_campaign')",
            name=op.f("ck_campaign_utm_rules_field"),
        ),
        sa.CheckConstraint(
            "operator IN ('equals', 'contains')", name=op.f("ck_campaign_utm_rules_operator")
        ),
        _fk("campaign_utm_rules", "campaign_id", "campaigns"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_utm_rules")),
    )
    op.create_index(
        "ix_touches_campaign_path",
        "touches",
        ["contact_id", "occurred_at", "campaign_id"],
        sqlite_where=sa.text(_CAMPAIGN_PATH),
        postgresql_where=sa.text(_CAMPAIGN_PATH),
    )
    campaigns = sa.table("campaigns", sa.column("channel", sa.String()))
    for old, new in _RENAMED:
        op.execute(campaigns.update().where(campaigns.c.channel == old).values(channel=new))
    op.execute(
        campaigns.update().where(campaigns.c.channel.not_in(_CHANNELS)).values(channel="other")
    )


def downgrade() -> None:
    op.drop_index("ix_touches_campaign_path", table_name="touches")
    op.drop_table("campaign_utm_rules")
    op.drop_index("ix_campaign_costs_campaign_id_spent_on", table_name="campaign_costs")
    op.drop_table("campaign_costs")

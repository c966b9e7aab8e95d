"""analytics: the funnel's roll-up (each contact's journey), its watermark, stale contacts

``funnel_journeys`` holds, per contact, the first entry into and the first reach of each
funnel stage, derived from ``stage_transitions``; ``funnel_rollup`` the last history row it
includes; ``funnel_journeys_stale`` contacts to rebuild (a merge moved history to them).
Filled on the first analytics read after the upgrade.

Revision ID: 0025
Revises: 0024
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FUNNEL = ("subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer")


def _moment(name: str) -> sa.Column[object]:
    return sa.Column(name, huddle.core.models.UTCDateTime(timezone=True), nullable=True)


def upgrade() -> None:
    op.create_table(
        "funnel_journeys",
        sa.Column("contact_id", _ID, autoincrement=False, nullable=False),
        *[_moment(f"{kind}_{stage}") for stage in _FUNNEL for kind in ("entered", "reached")],
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_funnel_journeys_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_funnel_journeys")),
    )
    op.create_index(
        "ix_funnel_journeys_reached_subscriber", "funnel_journeys", ["reached_subscriber"]
    )
    op.create_table(
        "funnel_rollup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("through_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funnel_rollup")),
    )
    op.create_table(
        "funnel_journeys_stale",
        sa.Column("contact_id", _ID, autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_funnel_journeys_stale")),
    )


def downgrade() -> None:
    op.drop_table("funnel_journeys_stale")
    op.drop_table("funnel_rollup")
    op.drop_index("ix_funnel_journeys_reached_subscriber", table_name="funnel_journeys")
    op.drop_table("funnel_journeys")

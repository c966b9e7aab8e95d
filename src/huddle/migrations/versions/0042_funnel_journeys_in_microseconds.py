"""analytics: the funnel's roll-up keeps its moments as microseconds since 1970

``funnel_journeys`` is derived data: the table is made again with BIGINT moments (whole
microseconds since 1970-01-01 UTC) instead of datetimes, and the watermark goes back to 0
so that the first analytics read after the upgrade rebuilds every journey from the stage
history. At a million contacts the text moments made a 139 MB table SQLite's 64 MB cache
could not hold; the integers make 56 MB, and reports compare and subtract them without
parsing.

Indexes: none on ``reached_subscriber`` any more (a cohort's range was a random lookup
per journey in time order; one pass in contact order is faster for the ranges reports
ask, months to years). Per stage a velocity pair ends in, a partial index of its arrivals
with the moments the pairs measure from, so each pair reads only its range's arrivals.

Revision ID: 0042
Revises: 0040
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0042"
down_revision: str | None = "0041"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FUNNEL = ("subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer")
_INDEX = "ix_funnel_journeys_reached_subscriber"
# Stage arrived in -> the stages velocity measures from (analytics.rules.VELOCITY_PAIRS).
_ARRIVALS = {
    "mql": ("lead",),
    "sal": ("mql",),
    "sql": ("sal",),
    "opportunity": ("sql",),
    "customer": ("opportunity", "lead", "mql"),
}


def _journeys(moment: sa.types.TypeEngine[Any]) -> None:
    op.create_table(
        "funnel_journeys",
        sa.Column("contact_id", _ID, autoincrement=False, nullable=False),
        *[
            sa.Column(f"{kind}_{stage}", moment, nullable=True)
            for stage in _FUNNEL
            for kind in ("entered", "reached")
        ],
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_funnel_journeys_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_funnel_journeys")),
    )


def _rebuild_at_next_read() -> None:
    op.execute(sa.text("UPDATE funnel_rollup SET through_id = 0"))
    op.execute(sa.text("DELETE FROM funnel_journeys_stale"))


def upgrade() -> None:
    op.drop_index(_INDEX, table_name="funnel_journeys")
    op.drop_table("funnel_journeys")
    _journeys(sa.BigInteger())
    for arrived, froms in _ARRIVALS.items():
        only_arrived = sa.text(f"entered_{arrived} IS NOT NULL")
        op.create_index(
            f"ix_funnel_journeys_{arrived}_arrivals",
            "funnel_journeys",
            [f"entered_{arrived}", *[f"entered_{a}" for a in froms]],
            sqlite_where=only_arrived,
            postgresql_where=only_arrived,
        )
    _rebuild_at_next_read()


def downgrade() -> None:
    # Dropping the table drops its indexes.
    op.drop_table("funnel_journeys")
    _journeys(huddle.core.models.UTCDateTime(timezone=True))
    op.create_index(_INDEX, "funnel_journeys", ["reached_subscriber"])
    _rebuild_at_next_read()

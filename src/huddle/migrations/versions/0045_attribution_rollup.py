"""attribution: the roll-up of every model's credit per conversion kind, UTC day and
campaign (``attribution_days``), the day each conversion was counted on
(``attribution_conversions``), its state (``attribution_rollup``) and the contacts and
deals whose inputs changed since (``attribution_stale``), noted by triggers on touches,
the stage history, deals and deal roles in the changing transaction (a watermark on ids
would miss a row committed after a later one). The roll-up is first built by a job.

Revision ID: 0045
Revises: 0044
"""

from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa
from alembic import op

revision: str = "0045"
down_revision: str | None = "0044"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_MODELS = ("first_touch", "last_touch", "linear", "u_shaped", "w_shaped", "time_decay")


class _Watched(NamedTuple):
    table: str
    # attribution_stale's column noted, and the row's column that fills it.
    target: str
    source: str
    # The columns whose change matters (UPDATE), and which rows matter ({r}: the row).
    columns: tuple[str, ...]
    relevant: str
    has_id: bool


_WATCHED = (
    _Watched(
        "touches",
        "contact_id",
        "contact_id",
        ("campaign_id", "contact_id", "occurred_at"),
        "{r}.campaign_id IS NOT NULL AND {r}.contact_id IS NOT NULL",
        True,
    ),
    _Watched(
        "stage_transitions",
        "contact_id",
        "contact_id",
        ("contact_id", "to_stage", "at"),
        "{r}.to_stage IN ('mql', 'sql', 'customer')",
        True,
    ),
    _Watched(
        "opportunities",
        "opportunity_id",
        "id",
        ("status", "amount", "created_at", "closed_at", "primary_contact_id"),
        "1 = 1",
        True,
    ),
    _Watched(
        "opportunity_contacts",
        "opportunity_id",
        "opportunity_id",
        ("opportunity_id", "contact_id"),
        "1 = 1",
        False,
    ),
)
_EVENTS = ("insert", "update", "delete")


def _name(w: _Watched, event: str) -> str:
    return f"attribution_stale_{w.table}_{event}"


def _sqlite_trigger(w: _Watched, event: str) -> str:
    insert = f"INSERT INTO attribution_stale ({w.target})"
    if event == "update":
        old, new = (w.relevant.format(r=r) for r in ("OLD", "NEW"))
        return (
            f"CREATE TRIGGER {_name(w, event)} AFTER UPDATE OF {', '.join(w.columns)}"
            f" ON {w.table} WHEN ({old}) OR ({new}) BEGIN"
            f" {insert} SELECT OLD.{w.source} WHERE {old}"
            f" UNION SELECT NEW.{w.source} WHERE {new}; END"
        )
    row = "NEW" if event == "insert" else "OLD"
    return (
        f"CREATE TRIGGER {_name(w, event)} AFTER {event.upper()} ON {w.table}"
        f" WHEN {w.relevant.format(r=row)} BEGIN {insert} VALUES ({row}.{w.source}); END"
    )


def _pg_select(w: _Watched, rows: str, other: str | None) -> str:
    where = w.relevant.format(r="r")
    if other is not None:
        # Only the rows whose watched columns changed.
        mine = ", ".join(f"r.{c}" for c in w.columns)
        theirs = ", ".join(f"x.{c}" for c in w.columns)
        joined = f"{rows} r JOIN {other} x ON x.id = r.id"
        changed = f"({mine}) IS DISTINCT FROM ({theirs})"
        return f"SELECT r.{w.source} FROM {joined} WHERE {changed} AND {where}"  # noqa: S608
    return f"SELECT r.{w.source} FROM {rows} r WHERE {where}"  # noqa: S608


def _pg_trigger(w: _Watched, event: str) -> list[str]:
    """A function and its trigger, once per statement over the rows it changed."""
    name = _name(w, event)
    if event == "update":
        compare = w.has_id
        selected = (
            f"{_pg_select(w, 'old_rows', 'new_rows' if compare else None)}"
            f" UNION {_pg_select(w, 'new_rows', 'old_rows' if compare else None)}"
        )
        referencing = "OLD TABLE AS old_rows NEW TABLE AS new_rows"
    else:
        rows = "new_rows" if event == "insert" else "old_rows"
        selected = f"SELECT DISTINCT * FROM ({_pg_select(w, rows, None)}) s"  # noqa: S608
        referencing = f"{'NEW' if event == 'insert' else 'OLD'} TABLE AS {rows}"
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" INSERT INTO attribution_stale ({w.target}) {selected}; RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event.upper()} ON {w.table}"
        f" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
    ]


def upgrade() -> None:
    op.create_table(
        "attribution_days",
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), autoincrement=False, nullable=False),
        *[sa.Column(m, sa.BigInteger(), nullable=False) for m in _MODELS],
        sa.PrimaryKeyConstraint("kind", "day", "campaign_id", name=op.f("pk_attribution_days")),
    )
    op.create_table(
        "attribution_conversions",
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("conversion_id", _ID, autoincrement=False, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "conversion_id", name=op.f("pk_attribution_conversions")),
    )
    op.create_table(
        "attribution_rollup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("built", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attribution_rollup")),
    )
    op.create_table(
        "attribution_stale",
        sa.Column("id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=True),
        sa.Column("opportunity_id", _ID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attribution_stale")),
    )
    pg = op.get_bind().dialect.name == "postgresql"
    for watched in _WATCHED:
        for event in _EVENTS:
            for statement in (
                _pg_trigger(watched, event) if pg else [_sqlite_trigger(watched, event)]
            ):
                op.execute(statement)


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for watched in _WATCHED:
        for event in _EVENTS:
            name = _name(watched, event)
            op.execute(f"DROP TRIGGER {name}" + (f" ON {watched.table}" if pg else ""))
            if pg:
                op.execute(f"DROP FUNCTION {name}()")
    for table in (
        "attribution_stale",
        "attribution_rollup",
        "attribution_conversions",
        "attribution_days",
    ):
        op.drop_table(table)

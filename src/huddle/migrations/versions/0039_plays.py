"""plays: buying stages (configuration, each contact's current stage and its history) and
plays with their runs and run steps (the queue's tasks)

Revision ID: 0039
Revises: 0038
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0039"
down_revision: str | None = "0038"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_AT = huddle.core.models.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("buying_stage", sa.String(length=40), nullable=True))
    op.create_index("ix_contacts_buying_stage_id", "contacts", ["buying_stage", "id"])
    op.create_table(
        "buying_stages",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("indicators", huddle.core.models.JSONType, nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_buying_stages")),
    )
    op.create_table(
        "buying_stage_changes",
        sa.Column("id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("from_stage", sa.String(length=40), nullable=True),
        sa.Column("to_stage", sa.String(length=40), nullable=False),
        sa.Column("evidence", sa.String(length=300), nullable=False),
        sa.Column("touch_id", _ID, nullable=True),
        sa.Column("at", _AT, nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_buying_stage_changes_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buying_stage_changes")),
    )
    op.create_index(
        "ix_buying_stage_changes_contact_at", "buying_stage_changes", ["contact_id", "at"]
    )
    op.create_table(
        "plays",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.Column("buying_stage", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("steps", huddle.core.models.JSONType, nullable=False),
        sa.Column("library_key", sa.String(length=40), nullable=True),
        sa.Column("created_at", _AT, nullable=False),
        sa.Column("updated_at", _AT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plays")),
        sa.UniqueConstraint("name", name=op.f("uq_plays_name")),
        sa.UniqueConstraint("library_key", name=op.f("uq_plays_library_key")),
    )
    op.create_table(
        "play_runs",
        sa.Column("id", _ID, nullable=False),
        sa.Column("play_id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("started_at", _AT, nullable=False),
        sa.Column("finished_at", _AT, nullable=True),
        sa.ForeignKeyConstraint(
            ["play_id"], ["plays.id"], name=op.f("fk_play_runs_play_id_plays"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_play_runs_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_play_runs")),
    )
    op.create_index("ix_play_runs_contact", "play_runs", ["contact_id", "started_at"])
    op.create_index("ix_play_runs_play_status", "play_runs", ["play_id", "status"])
    op.create_table(
        "play_run_steps",
        sa.Column("id", _ID, nullable=False),
        sa.Column("run_id", _ID, nullable=False),
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("assignee_id", _ID, nullable=True),
        sa.Column("team", sa.String(length=40), nullable=True),
        sa.Column("due_at", _AT, nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("created_at", _AT, nullable=False),
        sa.Column("done_at", _AT, nullable=True),
        sa.Column("done_by", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["play_runs.id"],
            name=op.f("fk_play_run_steps_run_id_play_runs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_play_run_steps_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_play_run_steps_assignee_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_play_run_steps")),
        sa.UniqueConstraint("run_id", "position", name="uq_play_run_steps_run_position"),
    )
    op.create_index("ix_play_run_steps_open", "play_run_steps", ["status", "assignee_id", "due_at"])


def downgrade() -> None:
    op.drop_table("play_run_steps")
    op.drop_table("play_runs")
    op.drop_table("plays")
    op.drop_index("ix_buying_stage_changes_contact_at", table_name="buying_stage_changes")
    op.drop_table("buying_stage_changes")
    op.drop_table("buying_stages")
    op.drop_index("ix_contacts_buying_stage_id", table_name="contacts")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("buying_stage")

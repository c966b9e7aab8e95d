"""workflows: definitions, enrolments, step runs (keyed for idempotency), static lists

Revision ID: 0031
Revises: 0028
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0031"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_lists",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_lists")),
        sa.UniqueConstraint("name", name=op.f("uq_contact_lists_name")),
    )
    op.create_table(
        "workflows",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("trigger", huddle.core.models.JSONType, nullable=True),
        sa.Column("steps", huddle.core.models.JSONType, nullable=False),
        sa.Column("exit_criteria", huddle.core.models.JSONType, nullable=False),
        sa.Column("reenrol_after_days", sa.Integer(), nullable=True),
        sa.Column("created_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflows")),
        sa.UniqueConstraint("name", name=op.f("uq_workflows_name")),
    )
    op.create_table(
        "contact_list_members",
        sa.Column("list_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("added_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_list_members_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["contact_lists.id"],
            name=op.f("fk_contact_list_members_list_id_contact_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "contact_id", name=op.f("pk_contact_list_members")),
    )
    op.create_table(
        "workflow_enrolments",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workflow_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("step_id", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("next_run_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("waiting", sa.Boolean(), nullable=False),
        sa.Column("event_arrived", sa.Boolean(), nullable=False),
        sa.Column("steps_taken", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("enrolled_at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", huddle.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_workflow_enrolments_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workflow_id"],
            ["workflows.id"],
            name=op.f("fk_workflow_enrolments_workflow_id_workflows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_enrolments")),
    )
    with op.batch_alter_table("workflow_enrolments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_workflow_enrolments_contact", ["contact_id", "workflow_id"], unique=False
        )
        batch_op.create_index("ix_workflow_enrolments_due", ["status", "next_run_at"], unique=False)
        batch_op.create_index(
            "ix_workflow_enrolments_workflow_step",
            ["workflow_id", "status", "step_id"],
            unique=False,
        )

    op.create_table(
        "workflow_step_runs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "enrolment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "workflow_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "contact_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("step_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=80), nullable=False),
        sa.Column("at", huddle.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_workflow_step_runs_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["workflow_enrolments.id"],
            name=op.f("fk_workflow_step_runs_enrolment_id_workflow_enrolments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workflow_id"],
            ["workflows.id"],
            name=op.f("fk_workflow_step_runs_workflow_id_workflows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_step_runs")),
        sa.UniqueConstraint("idempotency_key", name="uq_workflow_step_runs_idempotency_key"),
    )
    with op.batch_alter_table("workflow_step_runs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_workflow_step_runs_contact_at", ["contact_id", "at"], unique=False
        )
        batch_op.create_index(
            "ix_workflow_step_runs_workflow_step",
            ["workflow_id", "step_id", "outcome"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("workflow_step_runs", schema=None) as batch_op:
        batch_op.drop_index("ix_workflow_step_runs_workflow_step")
        batch_op.drop_index("ix_workflow_step_runs_contact_at")

    op.drop_table("workflow_step_runs")
    with op.batch_alter_table("workflow_enrolments", schema=None) as batch_op:
        batch_op.drop_index("ix_workflow_enrolments_workflow_step")
        batch_op.drop_index("ix_workflow_enrolments_due")
        batch_op.drop_index("ix_workflow_enrolments_contact")

    op.drop_table("workflow_enrolments")
    op.drop_table("contact_list_members")
    op.drop_table("workflows")
    op.drop_table("contact_lists")

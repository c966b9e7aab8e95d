"""scoring, grading and qualification (issue 5)

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models

revision: str = "0005"
down_revision: str | None = "0004"
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
        "score_models",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rules", _JSON, nullable=False),
        sa.Column("half_life_days", sa.Integer(), nullable=True),
        sa.Column("account_rollup", _JSON, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _pk("score_models", "id"),
        sa.UniqueConstraint("name", name=op.f("uq_score_models_name")),
    )
    op.create_table(
        "grading_profiles",
        sa.Column("id", _ID, nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("criteria", _JSON, nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _pk("grading_profiles", "id"),
        sa.UniqueConstraint("kind", "name", name=op.f("uq_grading_profiles_kind_name")),
    )
    op.create_table(
        "qualification_criteria",
        sa.Column("id", _ID, nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("condition", _JSON, nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _pk("qualification_criteria", "id"),
        sa.UniqueConstraint("stage", name=op.f("uq_qualification_criteria_stage")),
    )
    op.create_table(
        "scoring_versions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", _ID, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", _JSON, nullable=False),
        sa.Column("by_user_id", _ID, nullable=True),
        _at("at"),
        _fk("scoring_versions", "by_user_id", "users", "SET NULL"),
        _pk("scoring_versions", "id"),
    )
    op.create_index(
        "ix_scoring_versions_entity", "scoring_versions", ["entity", "entity_id", "version"]
    )
    op.create_table(
        "contact_scores",
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("model_id", _ID, nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        _at("computed_at"),
        _fk("contact_scores", "contact_id", "contacts", "CASCADE"),
        _fk("contact_scores", "model_id", "score_models", "CASCADE"),
        _pk("contact_scores", "contact_id", "model_id"),
    )
    op.create_index("ix_contact_scores_model_points", "contact_scores", ["model_id", "points"])
    op.create_table(
        "contact_grades",
        sa.Column("contact_id", _ID, nullable=False),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("fit", sa.Float(), nullable=False),
        sa.Column("icp_match", sa.Float(), nullable=False),
        sa.Column("persona_id", _ID, nullable=True),
        sa.Column("persona_match", sa.Float(), nullable=False),
        _at("computed_at"),
        _fk("contact_grades", "contact_id", "contacts", "CASCADE"),
        _fk("contact_grades", "persona_id", "grading_profiles", "SET NULL"),
        _pk("contact_grades", "contact_id"),
    )
    op.create_index("ix_contact_grades_grade", "contact_grades", ["grade"])
    op.create_table(
        "rescore_runs",
        sa.Column("id", _ID, nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("contacts_total", sa.Integer(), nullable=False),
        sa.Column("contacts_done", sa.Integer(), nullable=False),
        sa.Column("qualified", sa.Integer(), nullable=False),
        _at("started_at", nullable=True),
        _at("finished_at", nullable=True),
        _at("created_at"),
        _pk("rescore_runs", "id"),
    )


def downgrade() -> None:
    for table in (
        "rescore_runs",
        "contact_grades",
        "contact_scores",
        "scoring_versions",
        "qualification_criteria",
        "grading_profiles",
        "score_models",
    ):
        op.drop_table(table)

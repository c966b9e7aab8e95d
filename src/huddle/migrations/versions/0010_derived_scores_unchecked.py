"""contact_scores, contact_grades: no foreign keys; a contact's rows go with it by trigger

Both tables hold figures derived from contacts and definitions, rewritten by every full
rescore: a million contacts means two million score rows and a million grades. On
PostgreSQL each inserted row's foreign keys cost a check query that also locks the
contact row (a write to every page of ``contacts``): about a third of a first rescore.
What the foreign keys did on delete is done instead by a trigger on ``contacts`` (its
scores and grades go with it) and by the services (a deleted model's scores; grading
profiles are never deleted). Orphans cannot arise from a delete; a rescore racing a
delete may leave one, which joins to no contact (ids are never reused on PostgreSQL, and
SQLite has one writer).

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DROPPED = (
    ("contact_scores", "contact_id", "contacts", "CASCADE"),
    ("contact_scores", "model_id", "score_models", "CASCADE"),
    ("contact_grades", "contact_id", "contacts", "CASCADE"),
    ("contact_grades", "persona_id", "grading_profiles", "SET NULL"),
)
TRIGGER = "contacts_deleted_drop_derived"  # and its function on PostgreSQL

# PostgreSQL: once per DELETE statement, over every row it deleted.
PG_FUNCTION = """
CREATE FUNCTION contacts_deleted_drop_derived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM contact_scores WHERE contact_id IN (SELECT id FROM gone);
    DELETE FROM contact_grades WHERE contact_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$
"""
PG_TRIGGER = """
CREATE TRIGGER contacts_deleted_drop_derived AFTER DELETE ON contacts REFERENCING OLD TABLE AS gone
FOR EACH STATEMENT EXECUTE FUNCTION contacts_deleted_drop_derived()
"""
SQLITE_TRIGGER = """
CREATE TRIGGER contacts_deleted_drop_derived AFTER DELETE ON contacts BEGIN
    DELETE FROM contact_scores WHERE contact_id = OLD.id;
    DELETE FROM contact_grades WHERE contact_id = OLD.id;
END
"""


def _name(table: str, column: str, target: str) -> str:
    return f"fk_{table}_{column}_{target}"


def upgrade() -> None:
    for table in ("contact_scores", "contact_grades"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for dropped_table, column, target, _ in DROPPED:
                if dropped_table == table:
                    batch_op.drop_constraint(_name(table, column, target), type_="foreignkey")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {TRIGGER} ON contacts")
        op.execute(f"DROP FUNCTION {TRIGGER}()")
    else:
        op.execute(f"DROP TRIGGER {TRIGGER}")
    for table in ("contact_scores", "contact_grades"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for dropped_table, column, target, ondelete in DROPPED:
                if dropped_table == table:
                    batch_op.create_foreign_key(
                        _name(table, column, target), target, [column], ["id"], ondelete=ondelete
                    )

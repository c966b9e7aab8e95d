"""Deleting contacts waits for a rescore chunk writing their scores (PostgreSQL)

Scores and grades have no foreign key to contacts; an AFTER DELETE trigger drops a deleted
contact's rows, but it cannot see rows a rescore chunk has written and not yet committed,
which then outlive their contact. A rescore chunk holds an advisory lock shared
(``core.locks.Lock.CONTACT_DELETION``); the services that delete contacts take it
exclusively before anything else. This trigger takes it too, before any DELETE on
contacts, so that a delete from anywhere else (a script, psql) waits as well. SQLite has
one writer: nothing to add.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

from alembic import op

from huddle.core.locks import Lock

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "contacts_delete_waits_for_rescore"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE FUNCTION {NAME}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({int(Lock.CONTACT_DELETION)}); RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {NAME} BEFORE DELETE ON contacts "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {NAME}()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TRIGGER {NAME} ON contacts")
    op.execute(f"DROP FUNCTION {NAME}()")

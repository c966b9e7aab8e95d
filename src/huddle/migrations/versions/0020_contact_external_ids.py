"""contacts: keyed by an external id when they have no email; import_jobs: how values are read

A contact from a CRM export without an email column is keyed by the source CRM's record id
(``external_id``, unique when set); its email becomes optional. An import records the key
it matched rows by, whether empty cells clear fields, the placeholder words it read as
empty, and the date format it found in each date column.

SQLite cannot drop a NOT NULL constraint without rebuilding the table, and rebuilding
``contacts`` would drop the search triggers and, with foreign keys on, cascade the drop of
the old table into every touch and stage change. Dropping NOT NULL changes nothing stored,
so the table's declaration is edited in place instead, the procedure SQLite documents for
removing NOT NULL constraints (writable_schema, then a new schema version).

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import huddle.core.models

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IMPORT_COLUMNS: tuple[tuple[str, Any, dict[str, Any]], ...] = (
    ("dedupe_key", sa.String(length=20), {"nullable": False, "server_default": "email"}),
    ("clear_empty", sa.Boolean(), {"nullable": False, "server_default": sa.false()}),
    ("placeholders", huddle.core.models.JSONType, {}),
    ("date_formats", huddle.core.models.JSONType, {}),
)
_EMAIL_NOT_NULL = "email VARCHAR(320) NOT NULL"
_EMAIL_NULL = "email VARCHAR(320)"


def upgrade() -> None:
    op.add_column("contacts", sa.Column("external_id", sa.String(length=200), nullable=True))
    op.create_index("ix_contacts_external_id", "contacts", ["external_id"], unique=True)
    _email_nullable(True)
    # Plain ADD COLUMNs: import_jobs is referenced by nothing, but a copy is needless.
    for name, kind, options in _IMPORT_COLUMNS:
        op.add_column("import_jobs", sa.Column(name, kind, **{"nullable": True, **options}))


def downgrade() -> None:
    with op.batch_alter_table("import_jobs") as batch_op:
        for name, _, _ in reversed(_IMPORT_COLUMNS):
            batch_op.drop_column(name)
    op.execute("DELETE FROM contacts WHERE email IS NULL")
    _email_nullable(False)
    op.drop_index("ix_contacts_external_id", table_name="contacts")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE contacts DROP COLUMN external_id")
    else:
        op.drop_column("contacts", "external_id")


def _email_nullable(nullable: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.alter_column("contacts", "email", existing_type=sa.String(length=320), nullable=nullable)
        return
    before, after = (_EMAIL_NOT_NULL, _EMAIL_NULL) if nullable else (_EMAIL_NULL, _EMAIL_NOT_NULL)
    declared = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contacts'")
    ).scalar_one()
    if declared.count(before + ",") != 1:
        raise RuntimeError(f"contacts' declaration does not hold {before!r} once")
    version = bind.execute(sa.text("PRAGMA schema_version")).scalar_one()
    bind.execute(sa.text("PRAGMA writable_schema = ON"))
    bind.execute(
        sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'contacts'"),
        {"sql": declared.replace(before + ",", after + ",")},
    )
    # A new schema version makes every connection read the declaration again.
    bind.execute(sa.text(f"PRAGMA schema_version = {int(version) + 1}"))
    bind.execute(sa.text("PRAGMA writable_schema = OFF"))

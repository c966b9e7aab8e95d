"""The registry learns the email conversation types: ``email_sent`` and ``email_replied``

Touches of both types are recorded (the demo's marketing sends and the replies to reps'
emails), so scoring rules, workflows and Settings > Tracking must be able to name them.
Types an admin already added under these names are left as they are.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import huddle.core.models
from huddle.tracking.defaults import EMAIL_EVENT_TYPES

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_TYPES = sa.table(
    "tracking_event_types",
    sa.column("name", sa.String),
    sa.column("label", sa.String),
    sa.column("category", sa.String),
    sa.column("identifies", sa.Boolean),
    sa.column("creates_contacts", sa.Boolean),
    sa.column("properties_schema", _JSON),
    sa.column("created_at", huddle.core.models.UTCDateTime(timezone=True)),
    sa.column("updated_at", huddle.core.models.UTCDateTime(timezone=True)),
)
_FIELDS = ("name", "label", "category", "identifies", "creates_contacts", "properties_schema")


def upgrade() -> None:
    known = set(op.get_bind().execute(sa.select(_TYPES.c.name)).scalars())
    now = huddle.core.models.utcnow()
    rows = [
        dict(zip(_FIELDS, row, strict=True)) | {"created_at": now, "updated_at": now}
        for row in EMAIL_EVENT_TYPES
        if row[0] not in known
    ]
    if rows:
        op.bulk_insert(_TYPES, rows)


def downgrade() -> None:
    names = [row[0] for row in EMAIL_EVENT_TYPES]
    op.execute(_TYPES.delete().where(_TYPES.c.name.in_(names)))

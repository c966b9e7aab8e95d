"""Adding default event types to the registry from a migration: the types the registry
learns after its first seeding (``tracking.defaults``)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from huddle.core.models import UTCDateTime, utcnow

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_TYPES = sa.table(
    "tracking_event_types",
    sa.column("name", sa.String),
    sa.column("label", sa.String),
    sa.column("category", sa.String),
    sa.column("identifies", sa.Boolean),
    sa.column("creates_contacts", sa.Boolean),
    sa.column("properties_schema", _JSON),
    sa.column("created_at", UTCDateTime(timezone=True)),
    sa.column("updated_at", UTCDateTime(timezone=True)),
)
_FIELDS = ("name", "label", "category", "identifies", "creates_contacts", "properties_schema")
EventTypeRow = tuple[str, str, str, bool, bool, dict[str, Any]]


def add_event_types(types: list[EventTypeRow]) -> None:
    """Register ``types``; one an admin already added under its name is left as it is."""
    known = set(op.get_bind().execute(sa.select(_TYPES.c.name)).scalars())
    now = utcnow()
    rows = [
        dict(zip(_FIELDS, row, strict=True)) | {"created_at": now, "updated_at": now}
        for row in types
        if row[0] not in known
    ]
    if rows:
        op.bulk_insert(_TYPES, rows)


def remove_event_types(types: list[EventTypeRow]) -> None:
    op.execute(_TYPES.delete().where(_TYPES.c.name.in_([row[0] for row in types])))

"""The registry learns ``task_completed``: a task a rep completed

An activities import of a CRM's tasks export (Salesforce's Task, HubSpot's tasks) brings
tasks of type "Other", or of no type: they are touches of this type. A type an admin
already added under this name is left as it is.

Revision ID: 0052
Revises: 0051
"""

from collections.abc import Sequence

from huddle.tracking.defaults import TASK_EVENT_TYPES
from huddle.tracking.registry_seed import add_event_types, remove_event_types

revision: str = "0052"
down_revision: str | None = "0051"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_event_types(TASK_EVENT_TYPES)


def downgrade() -> None:
    remove_event_types(TASK_EVENT_TYPES)

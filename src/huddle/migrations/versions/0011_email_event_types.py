"""The registry learns the email conversation types: ``email_sent`` and ``email_replied``

Touches of both types are recorded (the demo's marketing sends and the replies to reps'
emails), so scoring rules, workflows and Settings > Tracking must be able to name them.
Types an admin already added under these names are left as they are.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from huddle.tracking.defaults import EMAIL_EVENT_TYPES
from huddle.tracking.registry_seed import add_event_types, remove_event_types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_event_types(EMAIL_EVENT_TYPES)


def downgrade() -> None:
    remove_event_types(EMAIL_EVENT_TYPES)

"""the SLA documents calendars and clocks (issue 6)

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Reserved so parallel work chains; the tables arrive with the feature."""


def downgrade() -> None:
    pass

"""hand-off routing notifications and the sales queue (issue 5)

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Reserved so parallel work chains; the tables arrive with the feature."""


def downgrade() -> None:
    pass

"""Emails and company domains stored in their one canonical spelling

Normalising now maps an internationalised domain to its Unicode form (whether it came in
punycode or Unicode) and applies NFC, so a contact stored as ``ada@xn--bcher-kva.example``
would no longer be found by ``ada@bücher.example``. Only rows whose spelling can differ are
read (non-ASCII text or an ``xn--`` label). A row whose canonical spelling another row
already holds is left as it is and named in the log: two records of one person are merged
by a person, not by a migration.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from huddle.contacts.schemas.normalize import InvalidEmail, normalize_domain, normalize_email
from huddle.core.respelling import respell

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _email(value: str) -> str | None:
    try:
        return normalize_email(value)
    except InvalidEmail:
        return None


def _respell(table: str, column: str, canonical: Callable[[str], str | None]) -> None:
    bind = op.get_bind()
    outside_ascii = "GLOB '*[^ -~]*'" if bind.dialect.name == "sqlite" else "~ '[^ -~]'"
    rows = bind.execute(
        sa.text(
            f"SELECT id, {column} FROM {table} "  # noqa: S608 - fixed names, no input
            f"WHERE {column} {outside_ascii} OR {column} LIKE '%xn--%'"
        )
    ).all()
    respell(table, column, rows, canonical)


def upgrade() -> None:
    _respell("contacts", "email", _email)
    _respell("accounts", "domain", normalize_domain)


def downgrade() -> None:
    """Canonical spellings stay: the earlier code reads them as any other address."""

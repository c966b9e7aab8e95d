"""Which contacts a record condition (checked) matches now: the compiled condition over
contacts and their accounts, for a rule that decides one contact at a time (routing)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.statements import dialect_of


def matching_query(session: Session, condition: dict[str, Any], *, as_of: datetime) -> Select[Any]:
    """The ids of every contact meeting a checked record condition at ``as_of``, as a
    statement a report filters by (``contact_id IN (...)``), set-at-a-time."""
    compiler = Compiler(dialect_of(session), as_of)
    return (
        select(Contact.id)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(compiler.condition(condition))
    )


def matching_contacts(
    session: Session, condition: dict[str, Any], contact_ids: Sequence[int], *, as_of: datetime
) -> set[int]:
    compiler = Compiler(dialect_of(session), as_of)
    query = (
        select(Contact.id)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(Contact.id.in_(list(contact_ids)), compiler.condition(condition))
    )
    return set(session.scalars(query))

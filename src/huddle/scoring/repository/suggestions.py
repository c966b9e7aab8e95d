"""Values seen in the record, offered as suggestions by the rule builders' value inputs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact

# Fields whose values make useful suggestions: categories, not personal data (no emails,
# no names), read from the newest records so the query stays cheap at a million contacts.
SUGGESTED_COLUMNS = {
    "contact.job_title": Contact.job_title,
    "contact.seniority": Contact.seniority,
    "contact.department": Contact.department,
    "contact.country": Contact.country,
    "contact.city": Contact.city,
    "contact.lifecycle_stage": Contact.lifecycle_stage,
    "contact.email_opt_in": Contact.email_opt_in,
    "account.industry": Account.industry,
    "account.country": Account.country,
    "account.region": Account.region,
}
RECENT_ROWS = 2000
MAX_SUGGESTIONS = 40


def seen_values(session: Session, field: str) -> list[str]:
    """Up to ``MAX_SUGGESTIONS`` distinct values of ``field`` among the newest records."""
    column = SUGGESTED_COLUMNS.get(field)
    if column is None:
        return []
    table = column.class_
    recent = (
        select(column.label("value"))
        .where(column.is_not(None), column != "")
        .order_by(table.id.desc())
        .limit(RECENT_ROWS)
        .subquery()
    )
    query = select(recent.c.value).distinct().order_by(recent.c.value).limit(MAX_SUGGESTIONS)
    return [str(value) for value in session.scalars(query)]

"""The set-at-a-time queries of an import: one statement per chunk, never one per row."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, ConsentChange, Contact, EnrichmentCompany, ImportJob

# What an import compares and may change on an existing contact.
CONTACT_STATE = (
    "id",
    "email",
    "first_name",
    "last_name",
    "job_title",
    "seniority",
    "department",
    "phone",
    "country",
    "city",
    "owner_id",
    "account_id",
    "lifecycle_stage",
    "email_opt_in",
    "do_not_email",
    "do_not_call",
    "custom",
)
_contacts = cast(Table, Contact.__table__)
_accounts = cast(Table, Account.__table__)


def contacts_by_email(session: Session, emails: Collection[str]) -> dict[str, dict[str, Any]]:
    if not emails:
        return {}
    query = select(*(_contacts.c[name] for name in CONTACT_STATE)).where(
        _contacts.c.email.in_(list(emails))
    )
    return {row.email: dict(row._mapping) for row in session.execute(query)}


def account_ids_by_domain(session: Session, domains: Collection[str]) -> dict[str, int]:
    if not domains:
        return {}
    query = select(_accounts.c.domain, _accounts.c.id).where(_accounts.c.domain.in_(list(domains)))
    return dict(session.execute(query).all())


def account_ids_by_name(session: Session, names: Collection[str]) -> dict[str, int]:
    """The oldest account of each name (names are not unique)."""
    if not names:
        return {}
    query = (
        select(_accounts.c.name, func.min(_accounts.c.id))
        .where(_accounts.c.name.in_(list(names)))
        .group_by(_accounts.c.name)
    )
    return dict(session.execute(query).all())


def enrichment_companies(session: Session, domains: Collection[str]) -> list[EnrichmentCompany]:
    if not domains:
        return []
    query = select(EnrichmentCompany).where(EnrichmentCompany.domain.in_(list(domains)))
    return list(session.scalars(query))


def insert_returning_ids(
    session: Session, table: Table, rows: Sequence[dict[str, Any]]
) -> list[int]:
    """Insert many rows in few statements; the new ids come back in the order of ``rows``."""
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, list(rows)))


def insert_accounts(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    return insert_returning_ids(session, _accounts, rows)


def insert_contacts(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    return insert_returning_ids(session, _contacts, rows)


def update_contacts(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Executemany of one UPDATE; every row carries ``contact_id`` and the same columns."""
    if not rows:
        return
    # The SET clause comes from the other keys of the parameter dicts.
    statement = update(_contacts).where(_contacts.c.id == bindparam("contact_id"))
    session.connection().execute(statement, list(rows))


def insert_consent_changes(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(cast(Table, ConsentChange.__table__)), list(rows))


def import_job(session: Session, job_id: int) -> ImportJob | None:
    return session.get(ImportJob, job_id)


def record_progress(session: Session, job_id: int, **values: Any) -> None:
    session.execute(update(ImportJob).where(ImportJob.id == job_id).values(**values))

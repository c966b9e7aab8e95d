"""The set-at-a-time queries of an import: one statement per chunk, never one per row."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, cast

from sqlalchemy import BindParameter, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, ConsentChange, Contact, EnrichmentCompany, ImportJob
from huddle.contacts.schemas import CONSENT_FIELDS, CONTACT_PROFILE_FIELDS
from huddle.core.bulk import executemany_converted

# What an import compares and may change on an existing contact.
CONTACT_STATE = (
    "id",
    "email",
    *CONTACT_PROFILE_FIELDS,
    "account_id",
    "lifecycle_stage",
    *CONSENT_FIELDS,
    "custom",
)
# One expanding parameter instead of thousands of literals: the statement is built (and
# cached) once, whatever the size of a chunk's list.
_VALUES: BindParameter[Any] = bindparam("values", expanding=True)
_contacts = cast(Table, Contact.__table__)
_accounts = cast(Table, Account.__table__)


def contacts_by_email(session: Session, emails: Collection[str]) -> dict[str, dict[str, Any]]:
    if not emails:
        return {}
    query = select(*(_contacts.c[name] for name in CONTACT_STATE)).where(
        _contacts.c.email.in_(_VALUES)
    )
    rows = session.execute(query, {"values": list(emails)})
    return {row.email: dict(row._mapping) for row in rows}


def account_ids_by_domain(session: Session, domains: Collection[str]) -> dict[str, int]:
    if not domains:
        return {}
    query = select(_accounts.c.domain, _accounts.c.id).where(_accounts.c.domain.in_(_VALUES))
    return dict(session.execute(query, {"values": list(domains)}).all())


def account_ids_by_name(session: Session, names: Collection[str]) -> dict[str, int]:
    """The oldest account of each name (names are not unique)."""
    if not names:
        return {}
    query = (
        select(_accounts.c.name, func.min(_accounts.c.id))
        .where(_accounts.c.name.in_(_VALUES))
        .group_by(_accounts.c.name)
    )
    return dict(session.execute(query, {"values": list(names)}).all())


def enrichment_companies(session: Session, domains: Collection[str]) -> list[EnrichmentCompany]:
    if not domains:
        return []
    query = select(EnrichmentCompany).where(EnrichmentCompany.domain.in_(_VALUES))
    return list(session.scalars(query, {"values": list(domains)}))


def insert_accounts(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert new accounts; their ids come back in the order of ``rows``.

    Each row has a domain no account had, or a name no account had: that is how the rows
    are found again (one executemany, then one select, instead of a statement per row).
    """
    if not rows:
        return []
    session.execute(insert(_accounts), list(rows))
    domains = [row["domain"] for row in rows if row["domain"] is not None]
    names = [row["name"] for row in rows if row["domain"] is None]
    found: dict[tuple[str, str | None], int] = {}
    if domains:
        query = select(_accounts.c.domain, _accounts.c.id).where(_accounts.c.domain.in_(domains))
        found.update(
            {("domain", domain): account_id for domain, account_id in session.execute(query)}
        )
    if names:
        query = (
            select(_accounts.c.name, func.max(_accounts.c.id))
            .where(_accounts.c.name.in_(names), _accounts.c.domain.is_(None))
            .group_by(_accounts.c.name)
        )
        found.update({("name", name): account_id for name, account_id in session.execute(query)})
    return [
        found[("domain", row["domain"])]
        if row["domain"] is not None
        else found[("name", row["name"])]
        for row in rows
    ]


def insert_contacts(
    session: Session, columns: Sequence[str], rows: list[list[Any]]
) -> dict[str, int]:
    """Insert new contacts, ``rows`` holding values in ``columns`` order (one executemany
    in the driver's form); returns their ids by email."""
    if not rows:
        return {}
    executemany_converted(session, _contacts, columns, rows)
    position = list(columns).index("email")
    emails = [row[position] for row in rows]
    query = select(_contacts.c.email, _contacts.c.id).where(_contacts.c.email.in_(_VALUES))
    return dict(session.execute(query, {"values": emails}).all())


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
    statement = update(ImportJob).where(ImportJob.id == job_id).values(**values)
    session.execute(statement, execution_options={"synchronize_session": False})

"""The set-at-a-time queries of an import: one statement per chunk, never one per row."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    String,
    Table,
    bindparam,
    func,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, ConsentChange, Contact, EnrichmentCompany, ImportJob
from huddle.contacts.schemas import CONSENT_FIELDS, CONTACT_PROFILE_FIELDS
from huddle.core.bulk import executemany_converted, reserve_ids
from huddle.core.insert_triggers import insert_triggers_run_together

# What an import compares and may change on an existing contact.
CONTACT_STATE = (
    "id",
    "email",
    "external_id",
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


def _among(
    session: Session, column: ColumnElement[Any], values: Collection[Any]
) -> tuple[ColumnElement[bool], dict[str, Any]]:
    """``column IN values`` and its parameters, for thousands of values.

    SQLAlchemy renders each value of an expanding IN in Python (a fifth of a chunk's time
    outside the database); SQLite is handed the list as one JSON text instead, which
    ``json_each`` unpacks and the column's index still serves.
    """
    if session.get_bind().dialect.name == "sqlite":
        each: Select[tuple[Any]] = select(literal_column("value")).select_from(
            func.json_each(bindparam("values", type_=String()))
        )
        return column.in_(each), {"values": json.dumps(list(values))}
    return column.in_(_VALUES), {"values": list(values)}


def contacts_by_key(session: Session, key: str, keys: Collection[str]) -> dict[str, dict[str, Any]]:
    """The contacts whose ``key`` (``email`` or ``external_id``) is one of ``keys``, as
    their state, by that key."""
    if not keys:
        return {}
    among, values = _among(session, _contacts.c[key], keys)
    query = select(*(_contacts.c[name] for name in CONTACT_STATE)).where(among)
    return {row._mapping[key]: dict(row._mapping) for row in session.execute(query, values)}


def created_dates(session: Session, contact_ids: Collection[int]) -> dict[int, Any]:
    if not contact_ids:
        return {}
    among, values = _among(session, _contacts.c.id, contact_ids)
    query = select(_contacts.c.id, _contacts.c.created_at).where(among)
    return dict(session.execute(query, values).all())


def account_ids_by_domain(session: Session, domains: Collection[str]) -> dict[str, int]:
    if not domains:
        return {}
    among, values = _among(session, _accounts.c.domain, domains)
    query = select(_accounts.c.domain, _accounts.c.id).where(among)
    return dict(session.execute(query, values).all())


def account_ids_by_name(session: Session, names: Collection[str]) -> dict[str, int]:
    """The oldest account of each name (names are not unique)."""
    if not names:
        return {}
    among, values = _among(session, _accounts.c.name, names)
    query = (
        select(_accounts.c.name, func.min(_accounts.c.id)).where(among).group_by(_accounts.c.name)
    )
    return dict(session.execute(query, values).all())


def enrichment_companies(session: Session, domains: Collection[str]) -> list[EnrichmentCompany]:
    if not domains:
        return []
    among, values = _among(session, cast(ColumnElement[str], EnrichmentCompany.domain), domains)
    return list(session.scalars(select(EnrichmentCompany).where(among), values))


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
    session: Session, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Sequence[int]:
    """Insert new contacts, ``rows`` holding values in ``columns`` order, with ids reserved
    up front; returns those ids, in the order of ``rows``."""
    ids = reserve_ids(session, _contacts, len(rows))
    # The search index (and whatever else notes new contacts) gets the chunk at once.
    with insert_triggers_run_together(session, _contacts, len(rows)):
        executemany_converted(
            session,
            _contacts,
            ("id", *columns),
            [(contact_id, *row) for contact_id, row in zip(ids, rows, strict=True)],
        )
    return ids


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


def _update_if(session: Session, job_id: int, *where: Any, **values: Any) -> bool:
    """Update the import if it still is as ``where`` says; whether it was."""
    statement = update(ImportJob).where(ImportJob.id == job_id, *where).values(**values)
    result = session.execute(statement, execution_options={"synchronize_session": False})
    return bool(getattr(result, "rowcount", 0))


def take_import(session: Session, job_id: int, *, status: str, **values: Any) -> bool:
    """Mark the import running with ``values`` if its status is still ``status``: of two
    processes that try at once, one succeeds."""
    return _update_if(session, job_id, ImportJob.status == status, status="running", **values)


def hold_import(session: Session, job_id: int, *, runner: str, **values: Any) -> bool:
    """Update a running import if ``runner`` still runs it (it may have been found
    stopped, and resumed by another process, meanwhile). On PostgreSQL the row stays
    locked until the transaction ends, so it cannot be taken away in between."""
    return _update_if(
        session, job_id, ImportJob.status == "running", ImportJob.runner == runner, **values
    )


def stop_import(session: Session, job_id: int, *, runner: str | None, **values: Any) -> bool:
    """Set a running import's status if ``runner`` (None: nobody) still runs it."""
    runs = ImportJob.runner.is_(None) if runner is None else ImportJob.runner == runner
    return _update_if(session, job_id, ImportJob.status == "running", runs, **values)


def running_imports(session: Session) -> list[ImportJob]:
    return list(session.scalars(select(ImportJob).where(ImportJob.status == "running")))


def error_files(session: Session) -> list[tuple[int, str]]:
    """(job id, error report path) of every import that kept rows it could not import."""
    query = select(ImportJob.id, ImportJob.error_file).where(ImportJob.error_file.is_not(None))
    return [(job_id, path) for job_id, path in session.execute(query) if path]

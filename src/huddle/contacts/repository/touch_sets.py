"""Set-at-a-time queries of touches: a batch of any size is a handful of statements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from huddle.contacts.models import Contact, Touch
from huddle.contacts.repository.records import on_conflict_insert

# Well under SQLite's limit on bound parameters per statement.
CHUNK = 5000


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _touches() -> Table:
    # Core, not the ORM: a batch needs no identity map and no per-row ORM bookkeeping.
    return cast(Table, Touch.__table__)


def accounts_of_contacts(session: Session, contact_ids: Sequence[int]) -> dict[int, int | None]:
    """Contact id -> its account id, for the contacts that exist."""
    found: dict[int, int | None] = {}
    for chunk in _chunks(contact_ids):
        rows = session.execute(
            select(Contact.id, Contact.account_id).where(Contact.id.in_(chunk))
        ).all()
        found.update((row[0], row[1]) for row in rows)
    return found


def loaded_contact(session: Session, contact_id: int) -> Contact | None:
    """The contact if this session has it loaded already (no query)."""
    found = session.identity_map.get(identity_key(Contact, contact_id))
    return found if isinstance(found, Contact) else None


def contacts_by_email(session: Session, emails: Sequence[str]) -> dict[str, tuple[int, int | None]]:
    """Normalised email -> (contact id, account id) in one query per few thousand emails."""
    found: dict[str, tuple[int, int | None]] = {}
    for chunk in _chunks(emails):
        rows = session.execute(
            select(Contact.email, Contact.id, Contact.account_id).where(Contact.email.in_(chunk))
        ).all()
        found.update((row[0], (row[1], row[2])) for row in rows)
    return found


def insert_keyed_touches(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Multi-row INSERT of touches that carry an idempotency key; keys already stored are
    skipped by ON CONFLICT DO NOTHING. Returns key -> id of the rows inserted now."""
    statement = (
        on_conflict_insert(session)(_touches())
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(_touches().c.idempotency_key, _touches().c.id)
    )
    inserted: dict[str, int] = {}
    for chunk in _chunks(rows):
        result = session.connection().execute(statement, chunk)
        inserted.update((key, touch_id) for key, touch_id in result)
    return inserted


def insert_touches(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Multi-row INSERT of touches without a key; ids in the order of ``rows``."""
    statement = insert(_touches()).returning(_touches().c.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for chunk in _chunks(rows):
        ids.extend(session.connection().execute(statement, chunk).scalars())
    return ids


def move_touch_ends(session: Session, end: str, changes: list[dict[str, Any]]) -> None:
    """``move_touch_end`` for many contacts in one executemany: each row moves only if its
    ``b_at`` is beyond the contact's current end (keys: b_id, b_at and the five values)."""
    table = cast(Table, Contact.__table__)
    column = table.c[f"{end}_touch_at"]
    at = bindparam("b_at", type_=column.type)
    beyond = column > at if end == "first" else column < at
    values: dict[str, Any] = {
        f"{end}_touch_{suffix}": bindparam(f"b_{suffix}")
        for suffix in ("source", "medium", "campaign", "referrer", "landing_page")
    }
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"), or_(column.is_(None), beyond))
        .values(**values, **{f"{end}_touch_at": at}, updated_at=table.c.updated_at)
    )
    session.connection().execute(statement, changes)


def attach_visitor_touches(
    session: Session, visitor_id: str, contact_id: int, account_id: int | None
) -> list[int]:
    """Give the visitor's anonymous touches to the contact; the ids of those moved."""
    return list(
        session.scalars(
            update(Touch)
            .where(Touch.visitor_id == visitor_id, Touch.contact_id.is_(None))
            .values(contact_id=contact_id, account_id=account_id)
            .returning(Touch.id),
            execution_options={"synchronize_session": False},
        )
    )


def touch_at_end(session: Session, contact_id: int, end: str) -> Touch | None:
    """The contact's earliest (first) or latest (last) touch."""
    order = Touch.occurred_at.asc() if end == "first" else Touch.occurred_at.desc()
    return session.scalar(
        select(Touch).where(Touch.contact_id == contact_id).order_by(order, Touch.id).limit(1)
    )


def set_touch_end(
    session: Session, contact_id: int, end: str, at: datetime | None, values: dict[str, Any]
) -> None:
    """Overwrite the contact's first or last touch (after its history was re-attributed)."""
    table = cast(Table, Contact.__table__)
    changes = {f"{end}_touch_{suffix}": v for suffix, v in values.items()}
    session.execute(
        update(table)
        .where(table.c.id == contact_id)
        .values(**changes, **{f"{end}_touch_at": at}, updated_at=table.c.updated_at)
    )

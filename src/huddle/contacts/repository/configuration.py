"""Custom field definitions, saved views and the enrichment companies table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from huddle.contacts.models import (
    Account,
    Contact,
    CustomFieldDefinition,
    EnrichmentCompany,
    SavedView,
)
from huddle.contacts.repository.records import on_conflict_insert

# --- custom fields and saved views -----------------------------------------------------------


def custom_fields(session: Session, entity: str | None = None) -> list[CustomFieldDefinition]:
    query = select(CustomFieldDefinition).order_by(
        CustomFieldDefinition.entity, CustomFieldDefinition.label, CustomFieldDefinition.id
    )
    if entity is not None:
        query = query.where(CustomFieldDefinition.entity == entity)
    return list(session.scalars(query))


def custom_field(session: Session, definition_id: int) -> CustomFieldDefinition | None:
    return session.get(CustomFieldDefinition, definition_id)


def custom_field_by_key(session: Session, entity: str, key: str) -> CustomFieldDefinition | None:
    query = select(CustomFieldDefinition).where(
        CustomFieldDefinition.entity == entity, CustomFieldDefinition.key == key
    )
    return session.scalar(query)


def saved_view(session: Session, view_id: int) -> SavedView | None:
    return session.get(SavedView, view_id)


def saved_views_visible_to(session: Session, user_id: int | None) -> list[SavedView]:
    query = (
        select(SavedView)
        .where(or_(SavedView.owner_id == user_id, SavedView.shared.is_(True)))
        .order_by(SavedView.name, SavedView.id)
    )
    return list(session.scalars(query))


def delete_row(session: Session, row: Contact | Account | SavedView) -> None:
    """DELETE by primary key without the ORM loading relationships (they are lazy="raise");
    the database's ON DELETE rules handle what still points at the row."""
    model = type(row)
    session.execute(delete(model).where(model.id == row.id))
    session.expunge(row)


# --- enrichment ------------------------------------------------------------------------------


def enrichment_company(session: Session, domain: str) -> EnrichmentCompany | None:
    return session.get(EnrichmentCompany, domain)


def upsert_enrichment_companies(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """One INSERT ... ON CONFLICT (domain) DO UPDATE per chunk; rows must have distinct domains."""
    if not rows:
        return
    statement = on_conflict_insert(session)(EnrichmentCompany).values(list(rows))
    updated = {name: statement.excluded[name] for name in rows[0] if name != "domain"}
    session.execute(statement.on_conflict_do_update(index_elements=["domain"], set_=updated))

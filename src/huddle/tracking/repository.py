"""Every query of tracking. Touches themselves are the shared record's (contacts.service)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core.db import repoint
from huddle.core.rawsql import Driver
from huddle.tracking.models import EventType, Form, Site, Visitor


def site(session: Session, site_id: int) -> Site | None:
    return session.get(Site, site_id)


def sites(session: Session) -> list[Site]:
    return list(session.scalars(select(Site).order_by(Site.name, Site.id)))


def form(session: Session, form_id: int) -> Form | None:
    return session.get(Form, form_id)


def form_by_key(session: Session, form_key: str) -> Form | None:
    return session.scalar(select(Form).where(Form.form_key == form_key))


def forms(session: Session, site_id: int | None = None) -> list[Form]:
    query = select(Form).order_by(Form.name, Form.id)
    if site_id is not None:
        query = query.where(Form.site_id == site_id)
    return list(session.scalars(query))


def event_type(session: Session, event_type_id: int) -> EventType | None:
    return session.get(EventType, event_type_id)


def event_type_by_name(session: Session, name: str) -> EventType | None:
    return session.scalar(select(EventType).where(EventType.name == name))


def event_type_registered(session: Session, name: str) -> bool:
    found = session.scalar(select(EventType.id).where(EventType.name == name).limit(1))
    return found is not None


def event_types(session: Session) -> list[EventType]:
    return list(session.scalars(select(EventType).order_by(EventType.category, EventType.name)))


class IngestType(NamedTuple):
    """What the events API needs of an event type (read as plain rows each batch)."""

    name: str
    identifies: bool
    creates_contacts: bool
    properties_schema: dict[str, Any]


_ingest_types = select(
    EventType.name, EventType.identifies, EventType.creates_contacts, EventType.properties_schema
)


def ingest_types(session: Session) -> dict[str, IngestType]:
    """Event type name -> what ingestion checks, without loading ORM objects."""
    rows = session.connection().execute(_ingest_types)
    return {row[0]: IngestType(row[0], bool(row[1]), bool(row[2]), row[3] or {}) for row in rows}


def add(session: Session, row: Site | Form | EventType) -> None:
    session.add(row)
    session.flush()


def identified_visitors(session: Session, visitor_ids: Sequence[str]) -> dict[str, int]:
    """Visitor id -> contact id, for the visitors among these who have been identified."""
    if not visitor_ids:
        return {}
    driver = Driver(session)
    condition, param = driver.in_list("visitor_id", visitor_ids)
    sql = f"SELECT visitor_id, contact_id FROM tracking_visitors WHERE {condition}"  # noqa: S608
    return {row[0]: row[1] for row in driver.rows(sql, (param,))}


def save_visitor(session: Session, visitor_id: str, contact_id: int, *, at: datetime) -> None:
    found = session.get(Visitor, visitor_id)
    if found is None:
        session.add(Visitor(visitor_id=visitor_id, contact_id=contact_id, identified_at=at))
    elif found.contact_id != contact_id:
        found.contact_id, found.identified_at = contact_id, at
    session.flush()


def move_visitors(session: Session, *, merged_id: int, survivor_id: int) -> None:
    repoint(session, Visitor.contact_id, old=merged_id, new=survivor_id)

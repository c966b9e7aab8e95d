"""Queries for personal-data export and erasure: everything held on one contact."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, func, or_, select
from sqlalchemy.orm import Session

from huddle.contacts.models import MergeRecord, Note, SavedView, Touch


def touches_of(session: Session, contact_id: int) -> list[Touch]:
    query = select(Touch).where(Touch.contact_id == contact_id).order_by(Touch.occurred_at)
    return list(session.scalars(query))


def _mentions(column: Any, needles: Iterable[str]) -> ColumnElement[bool]:
    text = func.lower(cast(column, Text))
    return or_(*(text.contains(n.lower(), autoescape=True) for n in needles))


def notes_about(session: Session, contact_id: int, needles: tuple[str, ...]) -> list[Note]:
    """Notes on the contact, and notes anywhere else whose text names them."""
    condition = Note.contact_id == contact_id
    if needles:
        condition = or_(condition, _mentions(Note.body, needles))
    return list(session.scalars(select(Note).where(condition).order_by(Note.created_at, Note.id)))


def merges_into(session: Session, contact_id: int) -> list[MergeRecord]:
    """Contacts merged into this one: their snapshots hold the same person's old details."""
    query = select(MergeRecord).where(
        MergeRecord.entity == "contact", MergeRecord.survivor_id == contact_id
    )
    return list(session.scalars(query.order_by(MergeRecord.at)))


def saved_views_naming(session: Session, needles: tuple[str, ...]) -> list[SavedView]:
    if not needles:
        return []
    return list(session.scalars(select(SavedView).where(_mentions(SavedView.filters, needles))))

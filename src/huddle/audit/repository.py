"""Queries of the audit trail: inserts, keyset pages newest first, scrubbing on erasure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.audit.schemas import AuditFilters
from huddle.core.scrub import scrub


def add(session: Session, **values: Any) -> AuditEntry:
    entry = AuditEntry(**values)
    session.add(entry)
    return entry


def get(session: Session, entry_id: int) -> AuditEntry | None:
    return session.get(AuditEntry, entry_id)


def _conditions(filters: AuditFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.actor_user_id is not None:
        conditions.append(AuditEntry.actor_user_id == filters.actor_user_id)
    if filters.action:
        conditions.append(AuditEntry.action == filters.action)
    if filters.subject_type:
        conditions.append(AuditEntry.subject_type == filters.subject_type)
    if filters.subject_id:
        conditions.append(AuditEntry.subject_id == filters.subject_id)
    if filters.since is not None:
        conditions.append(AuditEntry.at >= filters.since)
    if filters.until is not None:
        conditions.append(AuditEntry.at < filters.until)
    return conditions


def page(
    session: Session,
    filters: AuditFilters,
    *,
    before: tuple[datetime, int] | None,
    limit: int,
) -> list[AuditEntry]:
    """Up to ``limit`` entries newest first, strictly older than ``before`` (at, id)."""
    query = select(AuditEntry).where(*_conditions(filters))
    if before is not None:
        at, entry_id = before
        query = query.where(
            or_(AuditEntry.at < at, and_(AuditEntry.at == at, AuditEntry.id < entry_id))
        )
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    return list(session.scalars(query))


def scrub_subject(
    session: Session, subject_type: str, subject_id: str, needles: tuple[str, ...]
) -> int:
    """Replace erased values in the entries about one subject; returns how many changed."""
    entries = session.execute(
        select(AuditEntry.id, AuditEntry.summary, AuditEntry.changes).where(
            AuditEntry.subject_type == subject_type, AuditEntry.subject_id == subject_id
        )
    ).all()
    changed = 0
    for entry_id, summary, changes in entries:
        clean_summary, clean_changes = scrub(summary, needles), scrub(changes, needles)
        if (clean_summary, clean_changes) != (summary, changes):
            session.execute(
                update(AuditEntry)
                .where(AuditEntry.id == entry_id)
                .values(summary=clean_summary, changes=clean_changes)
            )
            changed += 1
    return changed

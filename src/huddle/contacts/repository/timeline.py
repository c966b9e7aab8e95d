"""The timeline's sources, each read newest first off its own index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from huddle.contacts.models import (
    Contact,
    MergeRecord,
    Note,
    Touch,
)
from huddle.lifecycle.models import StageTransition


@dataclass(frozen=True)
class Before:
    """Timeline keyset: items strictly before (at, kind, id) in newest-first order."""

    at: datetime
    kind: str
    id: int

    def condition(
        self,
        kind: str,
        at_column: InstrumentedAttribute[Any],
        id_column: InstrumentedAttribute[int],
    ) -> ColumnElement[bool]:
        # The kind is constant per source, so the three-part comparison folds to two.
        if kind < self.kind:
            return at_column <= self.at
        if kind > self.kind:
            return at_column < self.at
        return and_(at_column <= self.at, or_(at_column < self.at, id_column < self.id))


def _newest(
    session: Session,
    query: Select[Any],
    *,
    kind: str,
    at_column: InstrumentedAttribute[Any],
    id_column: InstrumentedAttribute[int],
    before: Before | None,
    limit: int,
) -> list[Any]:
    if before is not None:
        query = query.where(before.condition(kind, at_column, id_column))
    query = query.order_by(at_column.desc(), id_column.desc()).limit(limit)
    return list(session.scalars(query))


def timeline_touches(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[Touch]:
    subject = (
        Touch.contact_id == contact_id
        if contact_id is not None
        else (Touch.account_id == account_id)
    )
    return _newest(
        session,
        select(Touch).where(subject),
        kind="touch",
        at_column=Touch.occurred_at,
        id_column=Touch.id,
        before=before,
        limit=limit,
    )


def timeline_notes(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[Note]:
    if contact_id is not None:
        subject: ColumnElement[bool] = Note.contact_id == contact_id
    else:
        # An account's story includes what was noted on its people.
        people = select(Contact.id).where(Contact.account_id == account_id)
        subject = or_(Note.account_id == account_id, Note.contact_id.in_(people))
    return _newest(
        session,
        select(Note).where(subject),
        kind="note",
        at_column=Note.created_at,
        id_column=Note.id,
        before=before,
        limit=limit,
    )


def timeline_merges(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[MergeRecord]:
    entity, survivor = (
        ("contact", contact_id) if contact_id is not None else ("account", account_id)
    )
    query = select(MergeRecord).where(
        MergeRecord.entity == entity, MergeRecord.survivor_id == survivor
    )
    return _newest(
        session,
        query,
        kind="merge",
        at_column=MergeRecord.at,
        id_column=MergeRecord.id,
        before=before,
        limit=limit,
    )


def timeline_stage_changes(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[Any]:
    """Stage changes of a contact, or of an account's contacts.

    Reads ``huddle.lifecycle.models`` directly, read-only: the lifecycle service offers
    ``stage_history`` for one contact, whole and oldest first; a timeline needs one page
    of it, newest first (a live page asks every two seconds for the newest alone), and
    for an account, every contact's at once.
    """
    people = select(Contact.id).where(Contact.account_id == account_id)
    subject = (
        StageTransition.contact_id == contact_id
        if contact_id is not None
        else StageTransition.contact_id.in_(people)
    )
    return _newest(
        session,
        select(StageTransition).where(subject),
        kind="stage_change",
        at_column=StageTransition.at,
        id_column=StageTransition.id,
        before=before,
        limit=limit,
    )

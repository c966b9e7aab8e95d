"""Contacts' sources of the timeline (touches, notes, merges), each read newest first off
its own index. Stage changes are the lifecycle domain's source (``lifecycle.repository``)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from huddle.contacts.models import (
    Contact,
    MergeRecord,
    Note,
    Touch,
)
from huddle.core.timeline import Before, newest


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
    return newest(
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
    return newest(
        session,
        select(Note).where(subject),
        kind="note",
        at_column=Note.created_at,
        id_column=Note.id,
        before=before,
        limit=limit,
    )


def notes_on_deal(session: Session, opportunity_id: int, *, limit: int) -> list[Note]:
    query = (
        select(Note)
        .where(Note.opportunity_id == opportunity_id)
        .order_by(Note.created_at.desc(), Note.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


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
    return newest(
        session,
        query,
        kind="merge",
        at_column=MergeRecord.at,
        id_column=MergeRecord.id,
        before=before,
        limit=limit,
    )

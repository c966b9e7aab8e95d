"""The mailing domain's queries: templates, the send log and the suppression list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from huddle.core.db import repoint, update_by_id
from huddle.mailing.models import EmailSend, EmailSuppression, EmailTemplate

# --- templates -------------------------------------------------------------------------------


def templates(session: Session) -> Sequence[EmailTemplate]:
    return session.scalars(select(EmailTemplate).order_by(EmailTemplate.name)).all()


def template(session: Session, template_id: int) -> EmailTemplate | None:
    return session.get(EmailTemplate, template_id)


def template_by_name(session: Session, name: str) -> EmailTemplate | None:
    return session.scalar(
        select(EmailTemplate).where(func.lower(EmailTemplate.name) == name.lower())
    )


# --- sends -----------------------------------------------------------------------------------


def send_by_key(session: Session, idempotency_key: str) -> EmailSend | None:
    return session.scalar(select(EmailSend).where(EmailSend.idempotency_key == idempotency_key))


def sends_by_keys(session: Session, keys: Sequence[str]) -> dict[str, EmailSend]:
    """The sends of these idempotency keys, by key, in one query."""
    if not keys:
        return {}
    query = select(EmailSend).where(EmailSend.idempotency_key.in_(list(keys)))
    return {send.idempotency_key: send for send in session.scalars(query)}


def add_sends(session: Session, rows: Sequence[dict[str, object]]) -> dict[str, int]:
    """Insert sends (``EmailSend`` columns; keys not taken) in one statement run for each
    row, not an INSERT with RETURNING a row (what the ORM does on SQLite); their ids by
    idempotency key. ``IntegrityError`` when a key is taken."""
    if not rows:
        return {}
    session.execute(insert(EmailSend), list(rows))
    keys = [str(row["idempotency_key"]) for row in rows]
    query = select(EmailSend.idempotency_key, EmailSend.id).where(
        EmailSend.idempotency_key.in_(keys)
    )
    return {row.idempotency_key: row.id for row in session.execute(query)}


def add_send(session: Session, send: EmailSend) -> EmailSend | None:
    """Insert ``send``; None when its idempotency key is taken (by a concurrent caller too)."""
    try:
        with session.begin_nested():
            session.add(send)
            session.flush()
    except IntegrityError:
        return None
    return send


def send_for_delivery(session: Session, send_id: int) -> EmailSend | None:
    """The send, locked against a second worker on PostgreSQL."""
    query = (
        select(EmailSend).where(EmailSend.id == send_id).execution_options(populate_existing=True)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return session.scalar(query)


def sends_for_delivery(session: Session, send_ids: Sequence[int]) -> list[EmailSend]:
    """These sends (those that exist), in the order given, locked like ``send_for_delivery``."""
    query = (
        select(EmailSend)
        .where(EmailSend.id.in_(send_ids))
        .order_by(EmailSend.id)  # locks taken in one order by every worker
        .execution_options(populate_existing=True)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    found = {send.id: send for send in session.scalars(query)}
    return [found[send_id] for send_id in send_ids if send_id in found]


def set_send(session: Session, send_id: int, **values: object) -> None:
    # Not synchronised with the session's objects: that compares every send it holds (a
    # batch's hundred) on every update. Who reads a send again reads it afresh
    # (``send_for_delivery``).
    session.execute(
        update(EmailSend)
        .where(EmailSend.id == send_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


# Built once: a delivery marks each message sent in a transaction of its own, thousands a
# minute, and this skips building (and keying) the statement each time.
_MARK_SENT = (
    update(EmailSend)
    .where(EmailSend.id == bindparam("send"))
    .values(status="sent", sent_at=bindparam("at"))
)


def mark_sent(session: Session, send_id: int, at: datetime) -> None:
    """``set_send(status="sent", sent_at=at)``, cheaper: the one write between a message's
    data and its final dot."""
    session.connection().execute(_MARK_SENT, {"send": send_id, "at": at})


def set_sends(session: Session, changes: Sequence[dict[str, object]]) -> None:
    """Several sends' changes, each a dict of the same columns with the send's ``id``, in
    one statement run for each (``set_send``'s, batched: a delivery batch marks its sends
    together)."""
    if changes:
        columns = [name for name in changes[0] if name != "id"]
        update_by_id(session, cast(Table, EmailSend.__table__), changes, columns)


def started_since(
    session: Session, since: datetime, *, domain: str | None = None, but: int | None = None
) -> int:
    """How many messages (``but`` one) began their SMTP conversation since ``since``."""
    query = select(func.count()).select_from(EmailSend).where(EmailSend.started_at >= since)
    if but is not None:
        query = query.where(EmailSend.id != but)
    if domain is not None:
        query = query.where(EmailSend.domain == domain)
    return int(session.scalar(query) or 0)


def sends(
    session: Session, *, status: str | None = None, before_id: int | None = None, limit: int = 100
) -> Sequence[EmailSend]:
    """The send log, newest first."""
    query = select(EmailSend).order_by(EmailSend.id.desc()).limit(limit)
    if status is not None:
        query = query.where(EmailSend.status == status)
    if before_id is not None:
        query = query.where(EmailSend.id < before_id)
    return session.scalars(query).all()


def sends_to(session: Session, needles: Sequence[str]) -> Sequence[EmailSend]:
    """Sends whose address or subject may hold one of ``needles`` (erasure)."""
    lowered = [n.lower() for n in needles]
    conditions = [func.lower(EmailSend.to_address).contains(n) for n in lowered] + [
        func.lower(EmailSend.test_to).contains(n) for n in lowered
    ]
    conditions += [func.lower(EmailSend.subject).contains(n) for n in lowered]
    if not conditions:
        return []
    return session.scalars(select(EmailSend).where(or_(*conditions))).all()


# --- suppressions --------------------------------------------------------------------------


def suppression(session: Session, email: str) -> EmailSuppression | None:
    return session.scalar(select(EmailSuppression).where(EmailSuppression.email == email.lower()))


def suppressions_of(session: Session, emails: Sequence[str]) -> dict[str, EmailSuppression]:
    """The suppressions of these addresses, by address (lower case), in one query."""
    lowered = sorted({email.lower() for email in emails})
    if not lowered:
        return {}
    query = select(EmailSuppression).where(EmailSuppression.email.in_(lowered))
    return {found.email: found for found in session.scalars(query)}


def suppression_by_id(session: Session, suppression_id: int) -> EmailSuppression | None:
    return session.get(EmailSuppression, suppression_id)


def suppressions(session: Session, *, limit: int = 500) -> Sequence[EmailSuppression]:
    return session.scalars(
        select(EmailSuppression).order_by(EmailSuppression.id.desc()).limit(limit)
    ).all()


def suppressions_matching(session: Session, needles: Sequence[str]) -> Sequence[EmailSuppression]:
    lowered = [n.lower() for n in needles]
    if not lowered:
        return []
    return session.scalars(
        select(EmailSuppression).where(
            or_(*[func.lower(EmailSuppression.email).contains(n) for n in lowered])
        )
    ).all()


def move_sends(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged contact's send log becomes the survivor's (it would lose its contact)."""
    repoint(session, EmailSend.contact_id, old=merged_id, new=survivor_id)

"""Password reset requests and the links made for them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from huddle.auth.models import PasswordReset


def get_reset(session: Session, reset_id: int) -> PasswordReset | None:
    return session.get(PasswordReset, reset_id)


def recent_request_times(
    session: Session,
    *,
    email: str | None = None,
    ip: str | None = None,
    since: datetime,
    limit: int,
) -> list[datetime]:
    """When the last ``limit`` requests for ``email`` (or from ``ip``) since ``since`` were
    made, newest first."""
    column, value = (PasswordReset.email, email) if email is not None else (PasswordReset.ip, ip)
    return list(
        session.scalars(
            select(PasswordReset.requested_at)
            .where(column == value, PasswordReset.requested_at >= since)
            .order_by(PasswordReset.requested_at.desc())
            .limit(limit)
        )
    )


def newer_link_made(session: Session, user_id: int, reset_id: int) -> bool:
    """Whether a link for a request after ``reset_id`` was already made for the user."""
    newer = select(PasswordReset.id).where(
        PasswordReset.user_id == user_id,
        PasswordReset.id > reset_id,
        PasswordReset.token_hash.is_not(None),
    )
    return session.scalar(newer.limit(1)) is not None


def claim_unused(session: Session, reset_id: int, at: datetime) -> bool:
    """End the request as used if it is still open; whether this call did (a guarded
    update: of two posts of the same link, one claims it)."""
    claimed = session.execute(
        update(PasswordReset)
        .where(PasswordReset.id == reset_id, PasswordReset.ended_at.is_(None))
        .values(ended_at=at, ended_reason="used")
    )
    return getattr(claimed, "rowcount", 0) == 1


def end_open_links(
    session: Session, user_id: int, *, at: datetime, reason: str, keep_id: int | None
) -> None:
    query = update(PasswordReset).where(
        PasswordReset.user_id == user_id, PasswordReset.ended_at.is_(None)
    )
    if keep_id is not None:
        query = query.where(PasswordReset.id != keep_id)
    session.execute(query.values(ended_at=at, ended_reason=reason))


def delete_requests_before(session: Session, before: datetime) -> int:
    """Reset requests made before ``before`` (their links long expired); how many."""
    result = session.execute(delete(PasswordReset).where(PasswordReset.requested_at < before))
    return int(getattr(result, "rowcount", 0) or 0)

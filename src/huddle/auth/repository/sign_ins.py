"""Sign-in sessions (by the sha256 of their key) and sign-in attempts."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from huddle.auth.models import LoginAttempt, UserSession


def session_by_key_hash(session: Session, key_hash: str) -> UserSession | None:
    return session.scalar(select(UserSession).where(UserSession.key_hash == key_hash))


def delete_ended_sessions(session: Session, user_id: int, now: datetime, idle: timedelta) -> None:
    """The user's expired and idle sessions (by the user's index)."""
    session.execute(
        delete(UserSession).where(
            UserSession.user_id == user_id,
            (UserSession.expires_at <= now) | (UserSession.last_seen_at <= now - idle),
        )
    )


def delete_sessions(session: Session, user_id: int, *, keep_key_hash: str | None) -> int:
    """Every session of the user but ``keep_key_hash``'s; how many there were."""
    query = delete(UserSession).where(UserSession.user_id == user_id)
    if keep_key_hash is not None:
        query = query.where(UserSession.key_hash != keep_key_hash)
    return int(getattr(session.execute(query), "rowcount", 0) or 0)


def delete_session(session: Session, key_hash: str) -> None:
    session.execute(delete(UserSession).where(UserSession.key_hash == key_hash))


def recent_account_failures(
    session: Session, email: str, *, since: datetime, limit: int
) -> list[datetime]:
    """When the last ``limit`` failed sign-ins to ``email`` since ``since`` happened, newest
    first; only those after the account's last success count."""
    last_success = select(func.max(LoginAttempt.at)).where(
        LoginAttempt.email == email, LoginAttempt.succeeded.is_(True)
    )
    return list(
        session.scalars(
            select(LoginAttempt.at)
            .where(
                LoginAttempt.email == email,
                LoginAttempt.succeeded.is_(False),
                LoginAttempt.at >= since,
                LoginAttempt.at > func.coalesce(last_success.scalar_subquery(), since),
            )
            .order_by(LoginAttempt.at.desc())
            .limit(limit)
        )
    )


def recent_address_failures(
    session: Session, ip: str, *, since: datetime, limit: int
) -> list[datetime]:
    """When the last ``limit`` failed sign-ins from ``ip`` since ``since`` happened."""
    return list(
        session.scalars(
            select(LoginAttempt.at)
            .where(
                LoginAttempt.ip == ip, LoginAttempt.succeeded.is_(False), LoginAttempt.at >= since
            )
            .order_by(LoginAttempt.at.desc())
            .limit(limit)
        )
    )


def delete_attempts_before(session: Session, before: datetime) -> int:
    """Sign-in attempts older than ``before``; how many there were."""
    result = session.execute(delete(LoginAttempt).where(LoginAttempt.at < before))
    return int(getattr(result, "rowcount", 0) or 0)


def delete_sessions_ended_before(session: Session, now: datetime, idle: timedelta) -> int:
    """Every user's expired and idle sessions; how many there were."""
    result = session.execute(
        delete(UserSession).where(
            (UserSession.expires_at <= now) | (UserSession.last_seen_at <= now - idle)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)

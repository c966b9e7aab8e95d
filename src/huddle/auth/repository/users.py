"""Users."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def by_email(session: Session, email: str) -> User | None:
    """``email`` as stored: trimmed and lower case."""
    return session.scalar(select(User).where(User.email == email))


def email_taken(session: Session, email: str) -> bool:
    return session.scalar(select(User.id).where(User.email == email)) is not None


def count_other_active_admins(session: Session, user_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.is_active.is_(True), User.id != user_id)
        )
        or 0
    )


def list_users(session: Session, *, team: str | None, include_inactive: bool) -> list[User]:
    query = select(User).order_by(User.name, User.id)
    if not include_inactive:
        query = query.where(User.is_active.is_(True))
    if team:
        query = query.where(User.team == team)
    return list(session.scalars(query))


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0

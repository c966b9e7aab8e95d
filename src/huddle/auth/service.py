"""Users and their credentials."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.auth.passwords import hash_password, verify_password
from huddle.auth.schemas import UserCreate
from huddle.core.errors import ResourceAlreadyExists, ResourceNotFound


def create_user(session: Session, data: UserCreate) -> User:
    email = data.email.strip().lower()
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise ResourceAlreadyExists(f"a user with email {email} already exists")
    user = User(
        email=email,
        name=data.name.strip(),
        team=data.team,
        role=data.role,
        manager_id=data.manager_id,
        password_hash=hash_password(data.password) if data.password else None,
    )
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ResourceNotFound(f"user {user_id} not found")
    return user


def find_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def list_users(session: Session, *, team: str | None = None) -> list[User]:
    query = select(User).where(User.is_active.is_(True)).order_by(User.name)
    if team:
        query = query.where(User.team == team)
    return list(session.scalars(query))


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None. Takes as long for unknown emails."""
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if not verify_password(user.password_hash if user else None, password):
        return None
    return user if user is not None and user.is_active else None


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0

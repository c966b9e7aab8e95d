"""Users: who they are, their team, role and working pattern. Changes need USER_MANAGE."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.orm import Session

from huddle.auth.events import PasswordChanged, UserAccessChanged
from huddle.auth.models import User
from huddle.auth.passwords import hash_password, password_problem, verify_password
from huddle.auth.repository import resets, sign_ins, users
from huddle.auth.schemas import UserCreate, UserUpdate
from huddle.auth.tokens import revoke_all_tokens
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import (
    FieldError,
    NotPermitted,
    ResourceAlreadyExists,
    ValidationFailed,
    found,
)
from huddle.core.events import publish
from huddle.core.permissions import Action, require

# The fields whose change is a change of someone's access (the audit trail records them).
ACCESS_FIELDS = ("role", "team", "is_active")


def create_user(session: Session, data: UserCreate, *, actor: Actor) -> User:
    require(actor, Action.USER_MANAGE)
    email = data.email.strip().lower()
    if users.email_taken(session, email):
        raise ResourceAlreadyExists(f"a user with email {email} already exists")
    _check_manager(session, data.manager_id, user_id=None)
    user = User(
        email=email,
        name=data.name.strip(),
        team=data.team,
        role=data.role,
        manager_id=data.manager_id,
        capacity=data.capacity,
        working_hours=data.working_hours,
        time_zone=data.time_zone,
        out_of_office=data.out_of_office,
        is_active=True,
        password_hash=hash_password(data.password) if data.password else None,
    )
    session.add(user)
    session.flush()
    changes: dict[str, list[str | bool | None]] = {
        "role": [None, user.role],
        "team": [None, user.team],
        "is_active": [None, True],
    }
    publish(
        session,
        UserAccessChanged(user_id=user.id, changes=changes, at=clock.now(), actor=actor),
    )
    return user


def update_user(session: Session, user_id: int, data: UserUpdate, *, actor: Actor) -> User:
    """Change the fields given. Deactivating signs the user out everywhere and revokes their
    API tokens and reset links for good: reactivating them brings none of it back."""
    require(actor, Action.USER_MANAGE)
    user = get_user(session, user_id)
    given = data.model_dump(exclude_unset=True)
    if "manager_id" in given:
        _check_manager(session, given["manager_id"], user_id=user.id)
    if given.get("is_active") is False and user.id == actor.user_id:
        raise ValidationFailed(
            "you cannot deactivate yourself",
            [FieldError("is_active", "ask another administrator to deactivate you")],
        )
    for key in ("role", "is_active"):
        if key in given and given[key] != getattr(user, key) and user.id == actor.user_id:
            _keep_an_admin(session, user, key, given[key])
    before = {field: getattr(user, field) for field in ACCESS_FIELDS}
    for field, value in given.items():
        setattr(user, field, value.strip() if field == "name" else value)
    session.flush()
    changes: dict[str, list[Any]] = {
        field: [before[field], getattr(user, field)]
        for field in ACCESS_FIELDS
        if before[field] != getattr(user, field)
    }
    if changes:
        publish(
            session,
            UserAccessChanged(user_id=user.id, changes=changes, at=clock.now(), actor=actor),
        )
    if given.get("is_active") is False:
        end_sessions(session, user.id)
        revoke_all_tokens(session, user.id, reason="deactivated", actor=actor)
        end_reset_links(session, user.id, reason="deactivated")
    return user


def deactivate_user(session: Session, user_id: int, *, actor: Actor) -> User:
    return update_user(session, user_id, UserUpdate(is_active=False), actor=actor)


def _keep_an_admin(session: Session, user: User, key: str, value: object) -> None:
    """An admin demoting or deactivating themself must leave another active admin."""
    if user.role != "admin" or (key == "role" and value == "admin"):
        return
    if not users.count_other_active_admins(session, user.id):
        raise ValidationFailed(
            "Huddle needs at least one active administrator",
            [FieldError(key, "make someone else an administrator first")],
        )


def _check_manager(session: Session, manager_id: int | None, *, user_id: int | None) -> None:
    if manager_id is None:
        return
    if manager_id == user_id:
        raise ValidationFailed(
            "a user cannot manage themself", [FieldError("manager_id", "pick someone else")]
        )
    manager = users.get_user(session, manager_id)
    if manager is None or not manager.is_active:
        raise ValidationFailed(
            "no such manager", [FieldError("manager_id", f"no active user {manager_id}")]
        )


def change_password(
    session: Session,
    user_id: int,
    *,
    current: str,
    new: str,
    actor: Actor,
    revoke_tokens: bool,
    keep_session_key: str | None = None,
) -> PasswordChanged:
    """The user's own password; the current one is required. Every other session of
    theirs ends (``keep_session_key``, the one changing it, stays signed in), and with
    ``revoke_tokens`` every API token of theirs too."""
    user = get_user(session, user_id)
    if actor.user_id != user.id:
        raise NotPermitted("only the user themself changes their password")
    if not verify_password(user.password_hash, current):
        raise ValidationFailed(
            "the current password is wrong", [FieldError("current_password", "wrong password")]
        )
    return set_password(
        session,
        user,
        new,
        how="change",
        actor=actor,
        revoke_tokens=revoke_tokens,
        keep_session_key=keep_session_key,
    )


def set_password(
    session: Session,
    user: User,
    new: str,
    *,
    how: str,
    actor: Actor,
    revoke_tokens: bool,
    keep_session_key: str | None = None,
) -> PasswordChanged:
    """Give ``user`` the password ``new`` (after the strength rule) and end what the old
    one let in: every session but ``keep_session_key``'s, every reset link and, with
    ``revoke_tokens``, every API token. Callers check who may (``change_password``, a
    reset link)."""
    problem = password_problem(new)
    if problem:
        raise ValidationFailed("choose a stronger password", [FieldError("new_password", problem)])
    user.password_hash = hash_password(new)
    session.flush()
    sessions_ended = end_sessions(session, user.id, keep_key=keep_session_key)
    end_reset_links(session, user.id, reason="password_changed")
    revoked = 0
    if revoke_tokens:
        reason = "password_reset" if how == "reset" else "password_changed"
        revoked = revoke_all_tokens(session, user.id, reason=reason, actor=actor)
    event = PasswordChanged(
        user_id=user.id,
        how=how,
        sessions_ended=sessions_ended,
        tokens_revoked=revoked,
        at=clock.now(),
        actor=actor,
    )
    publish(session, event)
    return event


def get_user(session: Session, user_id: int) -> User:
    return found(users.get_user(session, user_id), f"user {user_id}")


def find_user(session: Session, user_id: int) -> User | None:
    return users.get_user(session, user_id)


def list_users(
    session: Session, *, team: str | None = None, include_inactive: bool = False
) -> list[User]:
    return users.list_users(session, team=team, include_inactive=include_inactive)


def users_by_id(session: Session) -> dict[int, User]:
    """Active users by id, for pages that show owners and authors by name (a handful of rows)."""
    return {user.id: user for user in list_users(session)}


def find_by_email(session: Session, email: str) -> User | None:
    return users.by_email(session, email.strip().lower())


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None. Takes as long for unknown emails."""
    user = find_by_email(session, email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    return user if user is not None and user.is_active else None


def count_users(session: Session) -> int:
    return users.count_users(session)


def actor_for(user: User, *, token_id: int | None = None) -> Actor:
    """The actor a signed-in user (or their token) acts as: role and team filled."""
    return Actor.user(user.id, role=user.role, team=user.team, token_id=token_id)


def user_directory(session: Session, *, actor: Actor) -> list[User]:
    """Every user, deactivated ones too: the user-management view (admins)."""
    require(actor, Action.USER_MANAGE)
    return list_users(session, include_inactive=True)


def get_user_to_manage(session: Session, user_id: int, *, actor: Actor) -> User:
    require(actor, Action.USER_MANAGE)
    return get_user(session, user_id)


def session_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def end_sessions(session: Session, user_id: int, *, keep_key: str | None = None) -> int:
    """Sign the user out everywhere (but the session holding ``keep_key``); how many ended."""
    keep = session_key_hash(keep_key) if keep_key is not None else None
    return sign_ins.delete_sessions(session, user_id, keep_key_hash=keep)


def end_reset_links(
    session: Session, user_id: int, *, reason: str, keep_id: int | None = None
) -> None:
    """Every password reset link of the user still open stops working (but ``keep_id``'s)."""
    resets.end_open_links(session, user_id, at=clock.now(), reason=reason, keep_id=keep_id)

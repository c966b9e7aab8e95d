"""Events about users and their access; the audit trail subscribes to them (all but
``PasswordResetEmailReady``, which carries a secret)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class UserAccessChanged(DomainEvent):
    """A user was created, or their role, team or active flag changed (a permission change)."""

    user_id: int
    # Field name -> [before, after]; "before" is None for a new user.
    changes: dict[str, list[str | bool | None]]
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class ApiTokenIssued(DomainEvent):
    token_id: int
    user_id: int
    scopes: tuple[str, ...]
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class ApiTokenRevoked(DomainEvent):
    token_id: int
    user_id: int
    at: datetime
    actor: Actor
    # tokens.REVOKE_REASONS: by_hand, deactivated, password_changed, password_reset
    reason: str = "by_hand"


@dataclass(frozen=True)
class PasswordChanged(DomainEvent):
    """A user's password was changed (``how``: "change", by them with the current one, or
    "reset", through an emailed link), with what ended because of it."""

    user_id: int
    how: str
    sessions_ended: int
    tokens_revoked: int
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class PasswordResetLinkSent(DomainEvent):
    """A reset link went out to a user (asked for on the sign-in page from ``ip``)."""

    user_id: int
    reset_id: int
    ip: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class PasswordResetEmailReady(DomainEvent):
    """A reset link was made for a user: the email that carries it is ready to go out
    (notifications puts it in the outbox, its body blanked once sent). ``body`` holds the
    link's secret: nothing may audit or log this event, and it stays out of its repr.
    ``PasswordResetLinkSent`` is the record of the same moment without the secret."""

    user_id: int
    reset_id: int
    to_address: str
    subject: str
    body: str = field(repr=False)

"""Events about users and their access; the audit trail subscribes to them."""

from __future__ import annotations

from dataclasses import dataclass
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

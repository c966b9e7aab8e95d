"""Who acts on tracking's routes. (A ``CurrentActor`` dependency replaces this once
API tokens and permission enforcement land.)"""

from __future__ import annotations

from huddle.auth.models import User
from huddle.core.actor import Actor


def acting(user: User) -> Actor:
    """The actor of a signed-in user (its role and team decide what it may do)."""
    return Actor.user(user.id, role=user.role, team=user.team)

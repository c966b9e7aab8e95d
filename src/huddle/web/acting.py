"""The signed-in user as the actor the service layer checks permissions against.

One definition, so the shared ``CurrentActor`` dependency can replace it in one line.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from huddle.core.actor import Actor
from huddle.web.deps import CurrentUser


def role_actor(user: CurrentUser) -> Actor:
    return Actor.user(user.id, role=user.role, team=user.team)


RoleActor = Annotated[Actor, Depends(role_actor)]

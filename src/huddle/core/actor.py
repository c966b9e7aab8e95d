"""Who made a change: a user, a rule, an import, a workflow, the system or the contact.

An actor is what the service layer receives with every change. It carries what the permission
check and the audit trail need, so neither has to look the user up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["user", "rule", "import", "workflow", "system", "contact", "integration"]


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    user_id: int | None = None
    # For rules, imports and workflows: which one, in words ("import #12", "MQL criteria v3").
    label: str | None = None
    # For users: their role and team, so the service layer can check permissions.
    role: str | None = None
    team: str | None = None
    # Set when a user acts through a personal API token rather than a signed-in session.
    token_id: int | None = None

    @classmethod
    def user(
        cls,
        user_id: int,
        *,
        role: str | None = None,
        team: str | None = None,
        token_id: int | None = None,
    ) -> Actor:
        return cls("user", user_id=user_id, role=role, team=team, token_id=token_id)

    @classmethod
    def system(cls, label: str = "system") -> Actor:
        return cls("system", label=label)

    def describe(self) -> str:
        if self.kind == "user":
            via = f" via token #{self.token_id}" if self.token_id is not None else ""
            return f"user #{self.user_id}{via}"
        return self.label or self.kind


SYSTEM = Actor.system()

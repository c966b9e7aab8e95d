"""Who made a change: a user, a rule, an import, a workflow, the system or the contact."""

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

    @classmethod
    def user(cls, user_id: int) -> Actor:
        return cls("user", user_id=user_id)

    @classmethod
    def system(cls, label: str = "system") -> Actor:
        return cls("system", label=label)

    def describe(self) -> str:
        if self.kind == "user":
            return f"user #{self.user_id}"
        return self.label or self.kind


SYSTEM = Actor.system()

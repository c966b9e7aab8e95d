"""Events the goals domain publishes; the audit trail records each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class GoalChanged(DomainEvent):
    """A shared goal created, edited or deleted (``change``). ``changes``: each field that
    changed, as ``[before, after]`` (``before`` null for a new goal, ``after`` null for a
    deleted one)."""

    goal_id: int
    name: str
    change: str
    at: datetime
    actor: Actor
    changes: dict[str, list[Any]] = field(default_factory=dict)

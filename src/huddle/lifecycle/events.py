from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class StageChanged(DomainEvent):
    contact_id: int
    from_stage: str | None
    to_stage: str
    at: datetime
    actor: Actor
    reason: str | None

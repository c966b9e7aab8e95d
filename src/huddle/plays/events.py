"""Events the plays domain publishes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class BuyingStageChanged(DomainEvent):
    """A contact's buying stage moved (``from_stage`` None: its first)."""

    contact_id: int
    from_stage: str | None
    to_stage: str
    evidence: str
    at: datetime

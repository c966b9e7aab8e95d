"""Events notifications publish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class WebhookSaved(DomainEvent):
    webhook_id: int
    url: str
    active: bool
    at: datetime
    actor: Actor

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


@dataclass(frozen=True)
class WebhookChanged(DomainEvent):
    """An admin changed (``change`` "updated": url, kinds, active), removed ("deleted") or
    sent a test to ("tested") a webhook."""

    webhook_id: int
    change: str
    url: str
    active: bool
    at: datetime
    actor: Actor

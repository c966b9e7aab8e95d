"""Events tracking publishes when its configuration changes. New touches are announced by
the shared record (``TouchesRecorded``, ``TouchesAttached``)."""

from __future__ import annotations

from dataclasses import dataclass

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class TrackingConfigured(DomainEvent):
    """A site, form or event type was created or changed."""

    kind: str  # "site", "form" or "event_type"
    id: int
    actor: Actor

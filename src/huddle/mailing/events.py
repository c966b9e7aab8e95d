"""What the mailing domain tells the others: a template changed, an address suppressed, a
message sent (the workflows and the timeline may react to it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class EmailTemplateChanged(DomainEvent):
    template_id: int
    change: str  # "created", "updated" or "deleted"
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class AddressSuppressed(DomainEvent):
    """An address will get no marketing email any more (a bounce, a complaint, by hand).
    Carries the suppression's id, never the address."""

    suppression_id: int
    reason: str
    source: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class EmailSent(DomainEvent):
    """The SMTP server has (or is about to have: see ``service.delivery``) the message."""

    send_id: int
    contact_id: int | None
    template_id: int | None
    at: datetime

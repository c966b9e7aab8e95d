from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class PersonalDataExported(DomainEvent):
    """Someone downloaded everything Huddle holds on a contact (audited: it is an access
    to personal data, not a change)."""

    contact_id: int
    at: datetime
    actor: Actor

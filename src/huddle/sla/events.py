"""Events the SLA publishes: the audit trail records breaches and escalations, and the
SLA's own subscriber asks routing to re-route a breached lead whose term says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent

# Who breaches and escalates, in the audit trail: the worker's pass over the clocks.
SLA_CLOCKS = Actor("rule", label="SLA clocks")


@dataclass(frozen=True)
class SlaVersionDrafted(DomainEvent):
    version_id: int
    number: int
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class SlaVersionSigned(DomainEvent):
    version_id: int
    number: int
    side: str  # "marketing" or "sales"
    user_id: int
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class SlaVersionActivated(DomainEvent):
    """Both sides signed: this version is active and ``archived_id`` (if any) is archived."""

    version_id: int
    number: int
    archived_id: int | None
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class SlaCalendarChanged(DomainEvent):
    scope: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class SlaWarning(DomainEvent):
    """A clock passed its warning fraction: tell the owner (``owner_id``)."""

    clock_id: int
    contact_id: int
    owner_id: int | None
    term_key: str
    due_at: datetime
    at: datetime


@dataclass(frozen=True)
class SlaBreached(DomainEvent):
    """A clock passed its due time unsatisfied. ``reroute``: the term asks for the lead to be
    routed again (``sla.subscribers`` asks routing to, passing over the owner)."""

    clock_id: int
    contact_id: int
    owner_id: int | None
    term_key: str
    handoff_id: int | None
    due_at: datetime
    reroute: bool
    at: datetime
    actor: Actor = SLA_CLOCKS


@dataclass(frozen=True)
class SlaEscalated(DomainEvent):
    """A breach was escalated to the owner's manager (``manager_id``)."""

    clock_id: int
    contact_id: int
    owner_id: int | None
    manager_id: int
    term_key: str
    at: datetime
    actor: Actor = SLA_CLOCKS

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


@dataclass(frozen=True)
class StageHistoryRewritten(DomainEvent):
    """Past moves of these contacts were taken out of their history (a placeholder an
    import recorded, replaced by the dates a later file gives): what was derived from
    their history is to be worked out again. Not a stage change of the present."""

    contact_ids: tuple[int, ...]


@dataclass(frozen=True)
class AllowedTransitionsChanged(DomainEvent):
    added: tuple[tuple[str, str], ...]
    removed: tuple[tuple[str, str], ...]
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class RejectionReasonChanged(DomainEvent):
    code: str
    # "added" or "deactivated"
    change: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class OpportunityCreated(DomainEvent):
    opportunity_id: int
    account_id: int
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class OpportunityUpdated(DomainEvent):
    """Fields of a deal changed; ``changed`` names them ("contacts" for role changes)."""

    opportunity_id: int
    changed: tuple[str, ...]
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class OpportunityMoved(DomainEvent):
    opportunity_id: int
    from_stage: str
    to_stage: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class OpportunityClosed(DomainEvent):
    opportunity_id: int
    won: bool
    reason: str | None
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class OpportunityDeleted(DomainEvent):
    """Published before the row goes; its notes and contact roles go with it."""

    opportunity_id: int
    at: datetime
    actor: Actor

"""Events the feedback domain publishes; the audit trail records each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class ProductFeatureSaved(DomainEvent):
    """A feature of the list created (``created``), renamed, described, archived or
    restored; ``kind`` "theme" when confirmed from a suggested theme."""

    feature_id: int
    name: str
    kind: str
    archived: bool
    created: bool
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class FeedbackLogged(DomainEvent):
    """An objection or feature gap heard on a deal or an account (the words stay out of
    the event: they are the prospect's)."""

    item_id: int
    kind: str
    feature_id: int | None
    opportunity_id: int | None
    account_id: int
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class ThresholdProposalChanged(DomainEvent):
    """An MQL-threshold proposal drafted, applied or dismissed (``status``)."""

    proposal_id: int
    threshold: float
    status: str
    at: datetime
    actor: Actor

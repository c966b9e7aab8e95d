"""Events scoring publishes. A router subscribes to lifecycle's ``StageChanged`` (to "mql",
actor kind "rule") to hand a new MQL off; these say that definitions or scores changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent


@dataclass(frozen=True)
class ScoringDefinitionSaved(DomainEvent):
    """A score model, a grading profile or qualification criteria got a new version."""

    entity: str  # "model", "profile", "criteria"
    entity_id: int
    version: int
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class ScoresUpdated(DomainEvent):
    """Scores and grades of these contacts were recomputed (a touch, or a rescore chunk)."""

    contact_ids: tuple[int, ...]
    qualified: tuple[int, ...]
    at: datetime
